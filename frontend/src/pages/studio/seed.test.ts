import { describe, expect, it } from 'vitest';
import { MAX_SEED, parseSeed, randomSeed, reuseLastSeed, rollSeed, seedForRun, typeSeed, type SeedState } from './seed';

const fixed = (value: number) => () => value;

describe('seed lock', () => {
  it('keeps a locked seed for every run and records it', () => {
    let state: SeedState = { seed: '42', locked: true, last: null };
    for (let run = 0; run < 3; run++) {
      const result = seedForRun(state, fixed(0.5));
      expect(result.seed).toBe(42);
      state = result.state;
    }
    expect(state).toEqual({ seed: '42', locked: true, last: 42 });
  });

  it('draws a new random seed for each run while unlocked, and shows and records the one used', () => {
    const first = seedForRun({ seed: '42', locked: false, last: null }, fixed(0.25));
    expect(first.seed).toBe(2 ** 30);
    expect(first.state).toEqual({ seed: String(2 ** 30), locked: false, last: 2 ** 30 });
    const second = seedForRun(first.state, fixed(0.5));
    expect(second.seed).toBe(2 ** 31);
    expect(second.state.last).toBe(2 ** 31);
  });

  it('draws a random seed when the locked field holds no seed', () => {
    expect(seedForRun({ seed: '', locked: true, last: 7 }, fixed(0)).seed).toBe(0);
    expect(seedForRun({ seed: '-3', locked: true, last: 7 }, fixed(0)).seed).toBe(0);
    expect(seedForRun({ seed: '-3', locked: true, last: 7 }, fixed(0)).state.seed).toBe('0');
  });

  it('♻ reuses the last run’s seed and locks it; 🎲 rolls a new one; typing locks', () => {
    expect(reuseLastSeed({ seed: '9', locked: false, last: 1234 })).toEqual({ seed: '1234', locked: true, last: 1234 });
    expect(reuseLastSeed({ seed: '9', locked: false, last: null })).toEqual({ seed: '9', locked: false, last: null });
    expect(rollSeed({ seed: '9', locked: true, last: 1 }, fixed(1 - 2 ** -40))).toEqual({ seed: String(MAX_SEED), locked: true, last: 1 });
    expect(typeSeed({ seed: '9', locked: false, last: 1 }, '77')).toEqual({ seed: '77', locked: true, last: 1 });
    expect(typeSeed({ seed: '9', locked: false, last: 1 }, '')).toEqual({ seed: '', locked: false, last: 1 });
  });

  it('accepts unsigned 32-bit seeds only', () => {
    expect(parseSeed(' 4294967295 ')).toBe(MAX_SEED);
    expect(parseSeed('4294967296')).toBeUndefined();
    expect(parseSeed('1.5')).toBeUndefined();
    expect(parseSeed('')).toBeUndefined();
    for (let i = 0; i < 100; i++) {
      const seed = randomSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
    }
  });
});
