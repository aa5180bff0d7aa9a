import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, signIn, test, tokenFor, users } from './fixtures';
import { baseURL } from '../playwright.config';

// `npm run bench`: the time from Ctrl+Enter to the first image on screen, against the same job through the API
// alone (POST, then the event stream until the first `image` event, then the image's bytes). Figures, not assertions.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const JOB = { prompt: 'a red circle over a blue sea at sunset', steps: 20, count: 1, seed: 42, width: 256, height: 256 };

async function throughApi(token: string): Promise<number> {
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
      return performance.now() - started;
    }
  }
}

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
  await page.getByRole('radio', { name: '1:1' }).check().catch(() => undefined);

  const ui: number[] = [];
  const api: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    const apiTime = await throughApi(token);
    await page.goto('/studio');
    await expect(page.locator('#studio-prompt')).toHaveValue(JOB.prompt);
    const started = performance.now();
    await page.locator('#studio-prompt').press('Control+Enter');
    await expect(page.getByTestId('result').first().locator('img')).toHaveJSProperty('complete', true, { timeout: 60_000 });
    await expect.poll(() => page.getByTestId('result').first().locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), { intervals: [5] }).toBeGreaterThan(0);
    const uiTime = performance.now() - started;
    if (round >= 0) {
      api.push(apiTime);
      ui.push(uiTime);
    }
  }
  const lines = [
    `first image, ${JOB.steps} steps ${JOB.width}x${JOB.height}, ${ROUNDS} rounds (after one warm-up), medians:`,
    `  API alone (POST, SSE to the first image event, image bytes): ${median(api).toFixed(0)} ms  [${api.map((v) => v.toFixed(0)).join(', ')}]`,
    `  web app (Ctrl+Enter to the first image decoded on screen):   ${median(ui).toFixed(0)} ms  [${ui.map((v) => v.toFixed(0)).join(', ')}]`,
    `  UI / API ratio: ${(median(ui) / median(api)).toFixed(3)} (target <= 1.10)`,
  ];
  console.log(lines.join('\n'));
  mkdirSync('../target/benchmark', { recursive: true });
  writeFileSync('../target/benchmark/web-first-image.txt', lines.join('\n') + '\n');
});
