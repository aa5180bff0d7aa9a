import { describe, expect, it } from 'vitest';
import { buildPng } from '../test/png';
import { NotAPngError, readPngText } from './pngText';

const PARAMETERS = 'a red circle\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 256x256';

describe('readPngText', () => {
  it('reads a tEXt chunk as Latin-1', async () => {
    const texts = await readPngText(buildPng([{ type: 'tEXt', keyword: 'parameters', text: PARAMETERS + ', café' }]));
    expect(texts.get('parameters')).toBe(PARAMETERS + ', café');
  });

  it('reads an uncompressed UTF-8 iTXt chunk, as ArtMint writes a Chinese prompt', async () => {
    const text = '夕阳下蓝色大海上方的红色圆形\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 256x256';
    const texts = await readPngText(buildPng([{ type: 'iTXt', keyword: 'parameters', text, language: 'zh' }]));
    expect(texts.get('parameters')).toBe(text);
  });

  it('inflates compressed iTXt and zTXt chunks', async () => {
    const texts = await readPngText(
      buildPng([
        { type: 'iTXt', keyword: 'parameters', text: '红色圆形 ' + PARAMETERS, compressed: true },
        { type: 'zTXt', keyword: 'Comment', text: 'zipped Latin-1 ©' },
      ]),
    );
    expect(texts.get('parameters')).toBe('红色圆形 ' + PARAMETERS);
    expect(texts.get('Comment')).toBe('zipped Latin-1 ©');
  });

  it('keeps the first entry of a keyword and every other keyword', async () => {
    const texts = await readPngText(
      buildPng([
        { type: 'tEXt', keyword: 'parameters', text: 'first' },
        { type: 'tEXt', keyword: 'artmint-provenance', text: '{"a":1}' },
        { type: 'tEXt', keyword: 'parameters', text: 'second' },
      ]),
    );
    expect(texts.get('parameters')).toBe('first');
    expect(texts.get('artmint-provenance')).toBe('{"a":1}');
  });

  it('answers no entries for a PNG without text', async () => {
    expect((await readPngText(buildPng([]))).size).toBe(0);
  });

  it('refuses what is not a PNG, and a PNG whose chunk checksum is wrong', async () => {
    await expect(readPngText(new TextEncoder().encode('GIF89a....'))).rejects.toBeInstanceOf(NotAPngError);
    const damaged = buildPng([{ type: 'tEXt', keyword: 'parameters', text: PARAMETERS }]);
    damaged[40] ^= 0xff;
    await expect(readPngText(damaged)).rejects.toBeInstanceOf(NotAPngError);
  });
});
