import { useEffect, useRef } from 'react';

/** Sets the tab title at most once per `interval` ms, the latest value winning; progress changes it many times a second. */
export function useThrottledTitle(title: string, interval = 500): void {
  const last = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const wait = last.current + interval - Date.now();
    window.clearTimeout(timer.current);
    const apply = () => {
      last.current = Date.now();
      document.title = title;
    };
    if (wait <= 0) apply();
    else timer.current = window.setTimeout(apply, wait);
  }, [title, interval]);

  useEffect(() => () => window.clearTimeout(timer.current), []);
}
