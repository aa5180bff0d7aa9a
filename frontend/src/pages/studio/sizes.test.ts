import { describe, expect, it } from 'vitest';
import { ASPECTS, aspectOf, sizeForAspect, snapSide } from './sizes';

const LIMITS = { minSide: 64, maxSide: 1024, sideMultiple: 8 };

describe('size presets', () => {
  it('keeps the default area of a 256 px model', () => {
    const sizes = Object.fromEntries(ASPECTS.map((aspect) => [aspect.id, sizeForAspect(aspect, 256 * 256, LIMITS)]));
    expect(sizes).toEqual({
      '1:1': { width: 256, height: 256 },
      '3:2': { width: 312, height: 208 },
      '2:3': { width: 208, height: 312 },
      '16:9': { width: 344, height: 192 },
      '9:16': { width: 192, height: 344 },
    });
  });

  it('scales a preset down to the longest side allowed and up to the shortest', () => {
    expect(sizeForAspect({ width: 16, height: 9 }, 1024 * 1024, LIMITS)).toEqual({ width: 1024, height: 576 });
    expect(sizeForAspect({ width: 9, height: 16 }, 1024 * 1024, LIMITS)).toEqual({ width: 576, height: 1024 });
    expect(sizeForAspect({ width: 16, height: 9 }, 64 * 64, LIMITS)).toEqual({ width: 112, height: 64 });
  });

  it('always answers multiples within the limits, close to the ratio, for any model', () => {
    for (const limits of [LIMITS, { minSide: 256, maxSide: 768, sideMultiple: 64 }, { minSide: 100, maxSide: 2000, sideMultiple: 16 }]) {
      for (const side of [64, 256, 512, 768, 1024, 2048]) {
        for (const aspect of ASPECTS) {
          const size = sizeForAspect(aspect, side * side, limits);
          for (const value of [size.width, size.height]) {
            expect(value % limits.sideMultiple).toBe(0);
            expect(value).toBeGreaterThanOrEqual(limits.minSide);
            expect(value).toBeLessThanOrEqual(limits.maxSide);
          }
          if (side >= 512 && side <= 768) {
            expect(Math.abs(size.width / size.height - aspect.width / aspect.height)).toBeLessThan(0.12);
          }
        }
      }
    }
  });

  it('snaps a side to the multiple within the limits', () => {
    expect(snapSide(99, LIMITS)).toBe(96);
    expect(snapSide(101, LIMITS)).toBe(104);
    expect(snapSide(20, LIMITS)).toBe(64);
    expect(snapSide(5000, LIMITS)).toBe(1024);
    expect(snapSide(50, { minSide: 50, maxSide: 1000, sideMultiple: 64 })).toBe(64);
  });

  it('recognises a preset, either way round, and a custom size', () => {
    expect(aspectOf({ width: 256, height: 256 }, 256 * 256, LIMITS)).toBe('1:1');
    expect(aspectOf({ width: 192, height: 344 }, 256 * 256, LIMITS)).toBe('9:16');
    expect(aspectOf({ width: 300, height: 200 }, 256 * 256, LIMITS)).toBeUndefined();
  });
});
