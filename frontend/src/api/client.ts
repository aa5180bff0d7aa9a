import { ApiProblem } from './problem';
import { auth } from '../auth/auth';

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the request without a token even when signed in. */
  anonymous?: boolean;
}

/** Headers of an authenticated call; refreshes the token first when it expires within 30 s. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await auth.freshToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Calls the ArtMint API; answers the parsed JSON, or throws an {@link ApiProblem}. A 401 signs in again. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (!options.anonymous) {
    Object.assign(headers, await authHeaders());
  }
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiProblem.offline(error);
  }
  if (!response.ok) {
    const problem = await ApiProblem.from(response);
    if (response.status === 401 && !options.anonymous) {
      auth.signIn();
    }
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Fetches a protected binary (an image of an unpublished artwork) as an object URL. */
export async function blobUrl(path: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(path, { headers: await authHeaders(), signal });
  if (!response.ok) throw await ApiProblem.from(response);
  return URL.createObjectURL(await response.blob());
}
