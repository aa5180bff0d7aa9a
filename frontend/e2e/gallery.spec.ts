import type { APIRequestContext, Page } from '@playwright/test';
import { axe, expect, generateArtwork, shot, signIn, test, tokenFor, useLanguage, users } from './fixtures';

/**
 * Ada's gallery on the real platform: her artworks (made through the API first), the server-side search in English
 * and Chinese, the recipe panel against the PNG's own parameters, Verify, publish, list for sale, mint.
 */
interface Artwork {
  id: string;
  seed: number;
  prompt: string;
  steps: number;
  guidance: number;
  scheduler: string;
  width: number;
  height: number;
  model: string;
  modelSha256: string;
  image: string;
}

const CIRCLE = 'a red circle on a blue background';
const TRIANGLE = '黄色背景上的绿色三角形';

let token: string;
let circle: Artwork;
let triangle: Artwork;

const auth = () => ({ Authorization: `Bearer ${token}` });

async function generate(request: APIRequestContext, prompt: string, seed: number): Promise<Artwork> {
  const id = await generateArtwork(request, token, prompt, seed);
  const artwork = await request.get(`/api/artworks/${id}`, { headers: auth() });
  expect(artwork.ok()).toBeTruthy();
  return (await artwork.json()) as Artwork;
}

/** The text of the PNG's tEXt or uncompressed iTXt chunk named `keyword`. */
function pngText(png: Buffer, keyword: string): string | undefined {
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const end = data.indexOf(0);
    if ((type === 'tEXt' || type === 'iTXt') && data.toString('latin1', 0, end) === keyword) {
      if (type === 'tEXt') return data.toString('latin1', end + 1);
      let at = end + 3; // compression flag and method
      at = data.indexOf(0, at) + 1; // language tag
      at = data.indexOf(0, at) + 1; // translated keyword
      return data.toString('utf8', at);
    }
    offset += 12 + length;
  }
  return undefined;
}

const card = (page: Page, artwork: Artwork) => page.locator(`[data-artwork-link="${artwork.id}"]`);
const detail = (page: Page) => page.getByTestId('artwork-detail');

test.describe.configure({ mode: 'serial' });

test.describe('gallery', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test.beforeAll(async ({ request }) => {
    token = await tokenFor(request, users.ada);
    circle = await generate(request, CIRCLE, 4242);
    triangle = await generate(request, TRIANGLE, 4343);
    // gas for the wallet's market transactions
    const funded = await request.post('/api/me/wallet/faucet', { headers: auth() });
    expect(funded.status()).toBe(202);
  });

  test('ada sees her artworks, newest first, and the search narrows them in English and Chinese', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.ada);
    await page.getByRole('link', { name: 'My gallery' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My gallery' })).toBeVisible();
    await expect(card(page, triangle)).toBeVisible();
    await expect(card(page, circle)).toBeVisible();
    const order = await page.locator('[data-artwork-link]').evaluateAll((links) => links.map((link) => link.getAttribute('data-artwork-link')));
    expect(order.indexOf(triangle.id)).toBeLessThan(order.indexOf(circle.id));
    await axe(page);
    await shot(page, 'gallery');

    const search = page.getByRole('searchbox', { name: 'Search your artworks' });
    await search.fill('circle');
    await expect(page).toHaveURL(/\/gallery\?q=circle$/);
    await expect(card(page, circle)).toBeVisible();
    await expect(card(page, triangle)).toHaveCount(0);
    await page.reload();
    await expect(search).toHaveValue('circle');
    await expect(card(page, circle)).toBeVisible();
    await expect(card(page, triangle)).toHaveCount(0);

    await search.fill('三角形');
    await expect(page).toHaveURL(/\?q=%E4%B8%89%E8%A7%92%E5%BD%A2$/);
    await expect(card(page, triangle)).toBeVisible();
    await expect(card(page, circle)).toHaveCount(0);
    await page.goBack();
    await expect(search).toHaveValue('circle');
    await expect(card(page, circle)).toBeVisible();

    await search.fill('nothing-has-this-word');
    await expect(page.getByRole('heading', { name: 'Nothing matches “nothing-has-this-word”' })).toBeVisible();
    await page.getByRole('button', { name: 'Show all artworks' }).click();
    await expect(page).toHaveURL(/\/gallery$/);
    await expect(card(page, triangle)).toBeVisible();
  });

  test('the recipe panel shows the recipe, copies the PNG\'s own parameters, and Verify passes every check', async ({ page, request }) => {
    await page.goto('/');
    await signIn(page, users.ada);
    await page.goto(`/gallery?artwork=${circle.id}`);
    const panel = detail(page);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Untitled');
    await expect(panel.getByTestId('recipe-prompt')).toHaveText(CIRCLE);
    await expect(panel.getByTestId('recipe-seed')).toContainText('4242');
    await expect(panel.getByTestId('recipe-steps')).toHaveText('8');
    await expect(panel.getByTestId('recipe-scheduler')).toHaveText('Euler a');
    await expect(panel.getByTestId('recipe-size')).toHaveText(`${circle.width} × ${circle.height}`);
    await expect(panel.getByTestId('recipe-model')).toHaveText(circle.model);
    await expect(panel.getByTestId('recipe-model-hash')).toContainText(circle.modelSha256.substring(0, 10));
    await expect(panel.getByRole('button', { name: 'Copy Prompt' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Copy Provenance hash' })).toBeVisible();

    const png = await request.get(circle.image, { headers: auth() });
    const parameters = pngText(await png.body(), 'parameters');
    expect(parameters).toContain('Seed: 4242');
    await panel.getByRole('button', { name: 'Copy parameters' }).click();
    await expect(panel.getByText('Copied', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(parameters);

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(download.suggestedFilename()).toBe(`artmint-4242-${circle.id.replace(/-/g, '').substring(0, 8)}.png`);

    await expect(panel.getByRole('link', { name: 'Reuse recipe' })).toHaveAttribute('href', `/studio?recipe=${circle.id}&mode=reuse`);
    await expect(panel.getByRole('link', { name: 'Remix' })).toHaveAttribute('href', `/studio?recipe=${circle.id}&mode=remix`);
    await expect(panel.getByRole('link', { name: 'Variation' })).toHaveAttribute('href', `/studio?init=${circle.id}`);

    await panel.getByRole('button', { name: 'Verify' }).click();
    await expect(panel.getByTestId('verify-summary')).toContainText(/Verified: all \d+ checks passed/, { timeout: 60_000 });
    const checks = panel.locator('.checks li');
    expect(await checks.count()).toBeGreaterThanOrEqual(7);
    for (const check of await checks.all()) await expect(check).toContainText('Passed');
    await axe(page);
    await shot(page, 'gallery-detail');

    // ← and → step through the grid, Esc closes and gives the focus back to the card
    await panel.getByRole('heading', { level: 2 }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(new RegExp(`artwork=(?!${circle.id})`));
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(new RegExp(`artwork=${circle.id}`));
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(page).toHaveURL(/\/gallery$/);
  });

  test('ada publishes the circle and lists it for 0.01 ETH; its card shows Listed', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.ada);
    await page.goto('/gallery');
    await card(page, circle).click();
    const panel = detail(page);
    await panel.getByLabel('Title').fill('Red circle');
    await panel.getByLabel('Royalty on resales (%)').fill('2.5');
    await expect(panel.getByText('= 250 basis points')).toBeVisible();
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByTestId('published')).toHaveText(/Published as “Red circle”/);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Red circle');

    const price = panel.getByLabel('Price (ETH)');
    await price.fill('0');
    await panel.getByRole('button', { name: 'Review' }).click();
    await expect(panel.getByText('The price must be more than 0.')).toBeVisible();
    await price.fill('0.01');
    await expect(panel.getByTestId('price-wei')).toHaveText('= 10000000000000000 wei');
    await panel.getByRole('button', { name: 'Review' }).click();
    const summary = panel.getByTestId('listing-summary');
    await expect(summary).toContainText('0.01 ETH');
    await expect(summary).toContainText('Platform fee (2.5%)');
    await expect(summary).toContainText('0.00025 ETH');
    await expect(summary).toContainText('Royalty on resales (2.5%)');
    await shot(page, 'gallery-list-confirm');
    await panel.getByRole('button', { name: 'List for sale' }).click();
    await expect(panel.getByTestId('listed')).toContainText('Listed for 0.01 ETH');

    await page.keyboard.press('Escape');
    await expect(card(page, circle)).toBeFocused();
    await expect(card(page, circle).getByTestId('badges')).toContainText('Published');
    await expect(card(page, circle).getByTestId('badges')).toContainText('Listed');
    await page.reload();
    await expect(card(page, circle).getByTestId('badges')).toContainText('Listed');
  });

  test('ada publishes the triangle and mints it to her custodial wallet; its card shows Minted', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.ada);
    await page.goto(`/gallery?q=${encodeURIComponent('三角形')}`);
    await card(page, triangle).click();
    const panel = detail(page);
    await panel.getByLabel('Title').fill('绿色三角形');
    await panel.getByRole('radio', { name: 'Commercial use allowed' }).check();
    await panel.getByLabel('Royalty on resales (%)').fill('5');
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(panel.getByTestId('published')).toBeVisible();

    await panel.getByRole('button', { name: 'Mint…' }).click();
    await expect(panel.getByRole('heading', { name: 'Mint this artwork?' })).toBeFocused();
    await expect(panel.getByText('5%', { exact: true })).toBeVisible();
    await panel.getByRole('button', { name: 'Mint now' }).click();
    await expect(panel.getByTestId('minted')).toContainText('Minted as token', { timeout: 60_000 });
    await expect(panel.getByTestId('recipe-token')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card(page, triangle).getByTestId('badges')).toContainText('Minted');
    await shot(page, 'gallery-badges');
  });

  test('the gallery in Chinese: headings, actions, plurals and checks', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.ada);
    await useLanguage(page, 'zh-CN');
    await page.getByRole('navigation').getByRole('link', { name: '我的作品' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '我的作品库' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '件作品' })).toBeVisible();
    await expect(card(page, triangle).getByTestId('badges')).toContainText('已铸造');
    await expect(card(page, circle).getByTestId('badges')).toContainText('出售中');
    await axe(page);
    await shot(page, 'gallery');

    await card(page, circle).click();
    const panel = detail(page);
    await expect(panel.getByRole('heading', { level: 3, name: '配方' })).toBeVisible();
    for (const name of ['复制参数', '下载 PNG', '验证']) await expect(panel.getByRole('button', { name })).toBeVisible();
    for (const name of ['复用配方', '重混', '变体']) await expect(panel.getByRole('link', { name })).toBeVisible();
    await expect(panel.getByTestId('listed')).toContainText('售价 0.01 ETH');
    await panel.getByRole('button', { name: '验证' }).click();
    await expect(panel.getByTestId('verify-summary')).toContainText('验证通过', { timeout: 60_000 });
    await expect(panel.locator('.checks li').first()).toContainText('通过');
    await axe(page);
    await shot(page, 'gallery-detail');
  });
});
