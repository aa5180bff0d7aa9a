import { describe, expect, it } from 'vitest';
import { downloadName } from './download';

describe('downloadName', () => {
  it('names the file after the seed and the start of the artwork id', () => {
    expect(downloadName({ id: '3f2a9c1e-77b0-4d5e-9f00-123456789abc', seed: 42 })).toBe('artmint-42-3f2a9c1e.png');
    expect(downloadName({ id: '3f2a9c1e77b04d5e', seed: 4294967295 })).toBe('artmint-4294967295-3f2a9c1e.png');
  });
});
