import type { APIRequestContext, Page } from '@playwright/test';
import { buildPng } from '../src/test/png';
import { axe, expect, shot as fullPageShot, signIn, test, tokenFor, useLanguage, users } from './fixtures';

/** A full-page screenshot from the top, so the sticky header sits where a user sees it. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPageShot(page, name);
}

/** Signs ada in and opens the studio with a fresh form. */
async function openStudio(page: Page): Promise<void> {
  await page.goto('/');
  await signIn(page, users.ada);
  await page.getByRole('link', { name: /^(Studio|创作室)$/ }).click();
  await expect(page.locator('#studio-prompt')).toBeVisible();
}

async function setSettings(page: Page, settings: { prompt?: string; steps?: number; count?: number; width?: number }) {
  if (settings.prompt !== undefined) await page.locator('#studio-prompt').fill(settings.prompt);
  if (settings.steps !== undefined) await page.locator('#studio-steps').fill(String(settings.steps));
  if (settings.width !== undefined) await page.locator('#studio-width').fill(String(settings.width));
  if (settings.count !== undefined) await page.getByRole('radio', { name: String(settings.count), exact: true }).check();
}

const progressValue = (page: Page) =>
  page.getByRole('progressbar').getAttribute('aria-valuenow', { timeout: 1_000 }).then(Number, () => 100);

async function credits(page: Page): Promise<number> {
  const text = (await page.getByTestId('credits').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** An artwork of ada's, made through the API, for a variation to start from. */
async function artworkOfAda(request: APIRequestContext): Promise<string> {
  const headers = { Authorization: `Bearer ${await tokenFor(request, users.ada)}` };
  const created = await request.post('/api/generations', { headers, data: { prompt: 'a red circle over a blue sea', steps: 8, count: 1 } });
  expect(created.status()).toBe(202);
  const { id } = (await created.json()) as { id: string };
  let artworks: string[] = [];
  await expect
    .poll(async () => {
      const job = (await (await request.get(`/api/generations/${id}`, { headers })).json()) as { status: string; artworks: string[] };
      artworks = job.artworks;
      return job.status;
    }, { timeout: 60_000 })
    .toBe('SUCCEEDED');
  return artworks[0];
}

test.describe('studio', () => {
  test('ada generates with Ctrl+Enter and sees the progress rise, a preview, then the images', async ({ page }) => {
    await openStudio(page);
    await axe(page);
    await shot(page, 'studio');
    await setSettings(page, { prompt: 'a red circle above a blue sea at sunset', steps: 30, count: 2 });
    await expect(page.getByRole('button', { name: 'Generate 2 images · 2 credits' })).toBeEnabled();
    await page.locator('#studio-prompt').press('Control+Enter');

    await expect(page).toHaveURL(/\/studio\?job=[0-9a-f-]{36}$/);
    let first = 0;
    await expect.poll(async () => (first = await progressValue(page))).toBeGreaterThan(0);
    await expect.poll(() => progressValue(page)).toBeGreaterThan(first);
    await expect(page.getByRole('img', { name: 'Live preview of the image being made' })).toBeVisible();
    await shot(page, 'studio-running');
    await expect(page).toHaveTitle(/^\d+% · Studio · ArtMint$/);

    await expect(page.getByTestId('result')).toHaveCount(2, { timeout: 60_000 });
    await expect(page.getByTestId('job-status')).toHaveText('Done: 2 images.');
    await expect(page).toHaveTitle('✓ Done · Studio · ArtMint');
    await expect(page.getByTestId('result').first().locator('img')).toHaveJSProperty('complete', true);
    await axe(page);
    await shot(page, 'studio-results');

    await page.getByRole('button', { name: /^Open image 1/ }).click();
    const viewer = page.getByRole('dialog', { name: 'Image viewer' });
    await expect(viewer).toContainText('1 of 2');
    await page.keyboard.press('ArrowRight');
    await expect(viewer).toContainText('2 of 2');
    await shot(page, 'studio-lightbox');
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
  });

  test('ada cancels a long job with Esc and the header credits come back', async ({ page }) => {
    await openStudio(page);
    const before = await credits(page);
    await setSettings(page, { prompt: 'a green triangle', steps: 100, count: 4 });
    await page.getByRole('button', { name: 'Generate 4 images · 4 credits' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect.poll(() => credits(page)).toBe(before - 4);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('job-status')).toHaveText('Cancelled. Credits for images not made were refunded.');
    await expect.poll(() => credits(page)).toBe(before);
    await expect(page.getByTestId('result')).toHaveCount(0);
  });

  test('a variation with strength 0.4 links its result to the artwork it started from', async ({ page, request }) => {
    const parent = await artworkOfAda(request);
    await page.goto('/');
    await signIn(page, users.ada);
    await page.goto(`/studio?init=${parent}`);
    const variation = page.getByRole('group', { name: 'Variation' });
    await expect(variation.getByRole('link', { name: /^Variation of/ })).toHaveAttribute('href', `/gallery?artwork=${parent}`);
    await expect(variation.getByRole('img', { name: 'The image the variation starts from' })).toHaveJSProperty('complete', true);
    await page.locator('#studio-strength').fill('0.4');
    await expect(variation).toContainText('0.40');
    await setSettings(page, { prompt: 'a red circle over a green sea', steps: 20, count: 1 });
    const sent = page.waitForRequest((request) => request.url().endsWith('/api/generations') && request.method() === 'POST');
    await page.locator('#studio-prompt').press('Control+Enter');
    expect((await sent).postDataJSON()).toMatchObject({ initArtworkId: parent, strength: 0.4 });
    const result = page.getByTestId('result');
    await expect(result).toHaveCount(1, { timeout: 60_000 });
    await expect(result.getByRole('link', { name: /^Variation of/ })).toHaveAttribute('href', `/gallery?artwork=${parent}`);
    await shot(page, 'studio-variation');
  });

  test('a reload in the middle of a job attaches to it again and sees it finish', async ({ page }) => {
    // long enough to be running at the reload, on a slow machine too
    test.setTimeout(180_000);
    await openStudio(page);
    await setSettings(page, { prompt: 'a blue square', steps: 100, count: 2 });
    await page.locator('#studio-prompt').press('Control+Enter');
    await expect.poll(() => progressValue(page)).toBeGreaterThan(0);
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(page.locator('#studio-prompt')).toHaveValue('a blue square');
    await expect(page.getByTestId('result')).toHaveCount(2, { timeout: 120_000 });
    await expect(page.getByTestId('job-status')).toHaveText('Done: 2 images.');
  });

  test('in Chinese, a Chinese prompt generates and the status line speaks Chinese', async ({ page }) => {
    await openStudio(page);
    await useLanguage(page, 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('创作室');
    await expect(page.getByLabel('提示词', { exact: true })).toBeVisible();
    await axe(page);
    await shot(page, 'studio');
    await setSettings(page, { prompt: '夕阳下蓝色大海上方的红色圆形', steps: 40, count: 1 });
    await page.locator('#studio-prompt').press('Control+Enter');
    await expect(page.getByTestId('job-status')).toHaveText(/^(排队中|正在生成|第 \d+ 张图片已完成|完成)/);
    await expect(page.getByTestId('job-status')).toHaveText('完成：共 1 张图片。', { timeout: 60_000 });
    await expect(page).toHaveTitle('✓ 完成 · 创作室 · ArtMint');
    await axe(page);
    await shot(page, 'studio-results');
  });

  test('a blocked prompt is refused next to the prompt, and no credit is taken', async ({ page }) => {
    await openStudio(page);
    const before = await credits(page);
    await setSettings(page, { prompt: 'a scene full of gore' });
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/generations'));
    await page.getByRole('button', { name: /^Generate/ }).click();
    expect((await answer).status()).toBe(422);
    const prompt = page.locator('#studio-prompt');
    await expect(prompt).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#studio-prompt-error')).toBeVisible();
    await expect(prompt).toHaveAccessibleDescription(/.+/);
    await expect(page.getByRole('alert')).toContainText('This prompt is not allowed');
    expect(await credits(page)).toBe(before);
    await shot(page, 'studio-blocked');
  });

  test('an invalid custom width reaches the API, whose field error shows next to the width', async ({ page }) => {
    await openStudio(page);
    await setSettings(page, { prompt: 'a yellow star', width: 100 });
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/generations'));
    await page.locator('#studio-prompt').press('Control+Enter');
    expect((await answer).status()).toBe(400);
    const width = page.locator('#studio-width');
    await expect(width).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#studio-width-error')).toContainText('multiple of 8');
    await expect(width).toHaveAccessibleDescription(/multiple of 8/);
    await page.getByRole('button', { name: '1:1' }).click();
    await expect(width).toHaveValue('256');
    await expect(width).not.toHaveAttribute('aria-invalid');
  });

  test('a dropped PNG with AUTOMATIC1111 parameters fills the form', async ({ page }) => {
    await openStudio(page);
    const png = buildPng([
      {
        type: 'iTXt',
        keyword: 'parameters',
        text: '夕阳下的红色圆形\nNegative prompt: blurry\nSteps: 12, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 5.5, Seed: 31337, Size: 320x192, Clip skip: 2, Denoising strength: 0.3',
      },
    ]);
    await page.getByTestId('studio').evaluate((target, bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'from-another-tool.png', { type: 'image/png' }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [...png]);
    await expect(page.locator('#studio-prompt')).toHaveValue('夕阳下的红色圆形');
    await expect(page.locator('#studio-negativePrompt')).toHaveValue('blurry');
    await expect(page.locator('#studio-steps')).toHaveValue('12');
    await expect(page.locator('#studio-guidance')).toHaveValue('5.5');
    await expect(page.locator('#studio-scheduler')).toHaveValue('dpmpp_2m_karras');
    await expect(page.locator('#studio-seed')).toHaveValue('31337');
    await expect(page.getByRole('button', { name: 'Keep this seed' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#studio-width')).toHaveValue('320');
    await expect(page.locator('#studio-height')).toHaveValue('192');
    const notice = page.getByTestId('fill-notice');
    await expect(notice).toContainText('Read from from-another-tool.png: prompt, negative prompt, steps, sampler, guidance, seed, and size.');
    await expect(notice).toContainText('Not used here: Clip skip and Denoising strength.');
    await shot(page, 'studio-png-filled');
  });

  test('bo, a collector only, is refused the studio with a clear message', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.bo);
    await page.goto('/studio');
    await expect(page.getByRole('alert')).toContainText('The studio is for creators');
    await expect(page.locator('#studio-prompt')).toHaveCount(0);
  });
});
