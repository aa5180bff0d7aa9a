import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, signIn, test, tokenFor, users } from './fixtures';
import { baseURL } from '../playwright.config';

// `npm run bench`: the time from Ctrl+Enter to the first image on screen, against the same job through the API
// alone (POST, then the event stream until the first `image` event, then the image's bytes). Figures, not assertions.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const JOB = { prompt: 'a red circle over a blue sea at sunset', steps: 20, count: 1, seed: 42, width: 256, height: 256 };

interface Round {
  /** from the request (or key press) to the first image's bytes (or the image decoded on screen) */
  total: number;
  /** the server's own time for the job, from its creation to its end */
  job: number;
}

async function jobTime(token: string, id: string): Promise<number> {
  const job = (await (await fetch(`${baseURL}/api/generations/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    createdAt: string;
    finishedAt: string;
  };
  return Date.parse(job.finishedAt) - Date.parse(job.createdAt);
}

async function throughApi(token: string): Promise<Round> {
  const headers = { Authorization: `Bearer ${token}` };
  const started = performance.now();
  const created = await fetch(`${baseURL}/api/generations`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(JOB),
  });
  const { id } = (await created.json()) as { id: string };
  const stream = await fetch(`${baseURL}/api/generations/${id}/events`, { headers: { ...headers, Accept: 'text/event-stream' } });
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended before an image');
    buffer += value.replace(/\r\n/g, '\n');
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    const image = blocks
      .map((block) => Object.fromEntries(block.split('\n').map((line) => [line.split(':', 1)[0], line.substring(line.indexOf(':') + 1).trim()])))
      .find((fields) => fields.event === 'image');
    if (image) {
      await reader.cancel();
      const artwork = JSON.parse(image.data) as { image: string };
      const png = await fetch(baseURL + artwork.image, { headers });
      await png.arrayBuffer();
      const total = performance.now() - started;
      return { total, job: await jobTime(token, id) };
    }
  }
}

// a trace's screencast costs the browser several CPU-seconds per job, which a 2-core host takes from the engine
test.use({ trace: 'off', screenshot: 'off' });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('@bench Ctrl+Enter to the first image shown, against the API alone', async ({ page, request }) => {
  test.setTimeout(ROUNDS * 60_000 + 60_000);
  const token = await tokenFor(request, users.ada);
  await page.goto('/');
  await signIn(page, users.ada);
  await page.goto('/studio');
  await page.locator('#studio-prompt').fill(JOB.prompt);
  await page.locator('#studio-steps').fill(String(JOB.steps));
  await page.getByRole('radio', { name: '1', exact: true }).check();
  await page.locator('#studio-width').fill(String(JOB.width));
  await page.locator('#studio-height').fill(String(JOB.height));

  const ui: Round[] = [];
  const api: Round[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    const apiTime = await throughApi(token);
    await page.goto('/studio');
    await expect(page.locator('#studio-prompt')).toHaveValue(JOB.prompt);
    await expect(page.getByTestId('result')).toHaveCount(0);
    await page.locator('#studio-seed').fill(String(JOB.seed));
    const lock = page.getByRole('button', { name: 'Keep this seed' });
    if ((await lock.getAttribute('aria-pressed')) !== 'true') await lock.click();
    const created = page.waitForResponse((response) => response.url().endsWith('/api/generations') && response.request().method() === 'POST');
    // timed in the page's own clock, from the key press to the first result image loaded and decoded, so that
    // neither the test runner's polling nor its messages to the browser count
    await page.evaluate(() => {
      (window as unknown as { firstImage: Promise<number> }).firstImage = new Promise<number>((resolve) => {
      let pressed = 0;
      document.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && event.ctrlKey) pressed = performance.now();
      }, { capture: true });
      const watch = (img: HTMLImageElement) => {
        const done = () => void img.decode().then(() => resolve(performance.now() - pressed));
        if (img.complete && img.naturalWidth > 0) done();
        else img.addEventListener('load', done, { once: true });
      };
      const observer = new MutationObserver(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="result"] img');
        if (img?.getAttribute('src')) {
          observer.disconnect();
          watch(img);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
      });
    });
    await page.locator('#studio-prompt').press('Control+Enter');
    const uiTime = await page.evaluate(() => (window as unknown as { firstImage: Promise<number> }).firstImage);
    const { id, seed } = (await (await created).json()) as { id: string; seed: number };
    expect(seed).toBe(JOB.seed);
    if (round >= 0) {
      api.push(apiTime);
      ui.push({ total: uiTime, job: await jobTime(token, id) });
    }
  }
  const figures = (rounds: Round[]) => {
    const total = median(rounds.map((r) => r.total));
    const job = median(rounds.map((r) => r.job));
    const outside = median(rounds.map((r) => r.total - r.job));
    return { total, job, outside, line: `${total.toFixed(0)} ms, of which the server's job ${job.toFixed(0)} ms and the rest ${outside.toFixed(0)} ms  [${rounds.map((r) => r.total.toFixed(0)).join(', ')}]` };
  };
  const a = figures(api);
  const u = figures(ui);
  const lines = [
    `first image, ${JOB.steps} steps ${JOB.width}x${JOB.height}, seed ${JOB.seed}, ${ROUNDS} rounds (after one warm-up), medians:`,
    `  API alone (POST, SSE to the first image event, image bytes): ${a.line}`,
    `  web app (Ctrl+Enter to the first image decoded on screen):   ${u.line}`,
    `  UI / API ratio: ${(u.total / a.total).toFixed(3)} (target <= 1.10); the job alone, UI / API: ${(u.job / a.job).toFixed(3)} (the browser shares this host's cores with the engine)`,
    `  time outside the job, UI - API: ${(u.outside - a.outside).toFixed(0)} ms`,
  ];
  console.log(lines.join('\n'));
  mkdirSync('../target/benchmark', { recursive: true });
  writeFileSync('../target/benchmark/web-first-image.txt', lines.join('\n') + '\n');
});
