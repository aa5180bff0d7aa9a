import extractChunks from 'png-chunks-extract';

/** The file was not a PNG, or a damaged one. */
export class NotAPngError extends Error {
  constructor(cause?: unknown) {
    super('not a PNG file', { cause });
    this.name = 'NotAPngError';
  }
}

/**
 * The text entries of a PNG: tEXt (Latin-1), zTXt (Latin-1, deflated) and iTXt (UTF-8, optionally deflated, as
 * ArtMint and Pillow write prompts that are not Latin-1). Keyword → text; the first entry of a keyword wins.
 */
export async function readPngText(bytes: Uint8Array): Promise<Map<string, string>> {
  let chunks: { name: string; data: Uint8Array }[];
  try {
    chunks = extractChunks(bytes);
  } catch (error) {
    throw new NotAPngError(error);
  }
  const texts = new Map<string, string>();
  for (const chunk of chunks) {
    const entry = await decodeTextChunk(chunk.name, chunk.data);
    if (entry && !texts.has(entry.keyword)) texts.set(entry.keyword, entry.text);
  }
  return texts;
}

async function decodeTextChunk(name: string, data: Uint8Array): Promise<{ keyword: string; text: string } | undefined> {
  const end = data.indexOf(0);
  if (end <= 0) return undefined;
  const keyword = latin1(data.subarray(0, end));
  switch (name) {
    case 'tEXt':
      return { keyword, text: latin1(data.subarray(end + 1)) };
    case 'zTXt':
      // one compression method is defined: 0, zlib deflate
      if (data[end + 1] !== 0) return undefined;
      return { keyword, text: latin1(await inflate(data.subarray(end + 2))) };
    case 'iTXt': {
      const compressed = data[end + 1] === 1;
      if (compressed && data[end + 2] !== 0) return undefined;
      const languageEnd = data.indexOf(0, end + 3);
      const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
      if (translatedEnd < 0) return undefined;
      const body = data.subarray(translatedEnd + 1);
      return { keyword, text: new TextDecoder('utf-8').decode(compressed ? await inflate(body) : body) };
    }
    default:
      return undefined;
  }
}

// TextDecoder('latin1') is windows-1252 in browsers, which differs from ISO 8859-1 in 0x80-0x9f
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const input = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
  const output = input.pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(output).arrayBuffer());
}
