import { parseInfotext, readRecipe, type RecipeReading } from '../../lib/infotext';
import { NotAPngError, readPngText } from '../../lib/pngText';

/** What a dropped or pasted file said about its recipe. */
export type PngReading =
  | { kind: 'recipe'; reading: RecipeReading }
  | { kind: 'no-parameters' }
  | { kind: 'not-png' };

/** Reads the AUTOMATIC1111 `parameters` text of a PNG against what is installed here. */
export async function readPngRecipe(
  file: Blob,
  available: Parameters<typeof readRecipe>[1],
): Promise<PngReading> {
  let texts: Map<string, string>;
  try {
    texts = await readPngText(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof NotAPngError) return { kind: 'not-png' };
    throw error;
  }
  const parameters = texts.get('parameters');
  if (parameters === undefined || parameters.trim() === '') return { kind: 'no-parameters' };
  return { kind: 'recipe', reading: readRecipe(parseInfotext(parameters), available) };
}
