import { authHeaders } from '../../api/client';
import { ApiProblem } from '../../api/problem';

/** artmint-<seed>-<first 8 characters of the id>.png */
export function downloadName(artwork: { id: string; seed: number | string }): string {
  return `artmint-${artwork.seed}-${artwork.id.replace(/-/g, '').substring(0, 8)}.png`;
}

/** Fetches the full PNG with the caller's token (it may be private) and saves it under {@link downloadName}. */
export async function downloadPng(artwork: { id: string; seed: number | string; image: string }): Promise<void> {
  const response = await fetch(artwork.image, { headers: await authHeaders() });
  if (!response.ok) throw await ApiProblem.from(response);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName(artwork);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // the click starts the download synchronously; the URL can go after this task
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
