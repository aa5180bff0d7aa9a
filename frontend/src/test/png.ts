/// <reference types="node" />
import { crc32, deflateSync } from 'node:zlib';

/** A text chunk to put in a test PNG, written the way the named chunk type stores it. */
export type TestText =
  | { type: 'tEXt'; keyword: string; text: string }
  | { type: 'zTXt'; keyword: string; text: string }
  | { type: 'iTXt'; keyword: string; text: string; compressed?: boolean; language?: string };

/** A valid 1x1 RGB PNG (white) carrying the given text chunks between IHDR and IDAT. */
export function buildPng(texts: TestText[]): Uint8Array<ArrayBuffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const pixels = deflateSync(Buffer.from([0, 255, 255, 255]));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      ...texts.map((text) => chunk(text.type, body(text))),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function body(text: TestText): Buffer {
  const keyword = Buffer.from(text.keyword + '\0', 'latin1');
  switch (text.type) {
    case 'tEXt':
      return Buffer.concat([keyword, Buffer.from(text.text, 'latin1')]);
    case 'zTXt':
      return Buffer.concat([keyword, Buffer.from([0]), deflateSync(Buffer.from(text.text, 'latin1'))]);
    case 'iTXt': {
      const utf8 = Buffer.from(text.text, 'utf8');
      return Buffer.concat([
        keyword,
        Buffer.from([text.compressed ? 1 : 0, 0]),
        Buffer.from((text.language ?? '') + '\0' + '\0', 'latin1'),
        text.compressed ? deflateSync(utf8) : utf8,
      ]);
    }
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
