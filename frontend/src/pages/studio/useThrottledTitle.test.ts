import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { useThrottledTitle } from './useThrottledTitle';

describe('useThrottledTitle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('changes the title at most twice a second, ending on the latest', () => {
    const writes: string[] = [];
    Object.defineProperty(document, 'title', { configurable: true, get: () => writes.at(-1) ?? '', set: (value: string) => writes.push(value) });
    const { rerender } = renderHook(({ title }) => useThrottledTitle(title), { initialProps: { title: '0% · Studio' } });
    for (let percent = 1; percent <= 50; percent++) {
      vi.advanceTimersByTime(20);
      rerender({ title: `${percent}% · Studio` });
    }
    vi.advanceTimersByTime(500);
    // 1 s of changes every 20 ms: the first at once, then one per 500 ms, then the last
    expect(writes.length).toBeLessThanOrEqual(4);
    expect(writes[0]).toBe('0% · Studio');
    expect(document.title).toBe('50% · Studio');
    Reflect.deleteProperty(document, 'title');
  });
});
