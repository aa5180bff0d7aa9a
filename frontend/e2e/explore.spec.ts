import type { APIRequestContext, Page } from '@playwright/test';
import { axe, expect, generateArtwork, shot, test, tokenFor, useLanguage, users } from './fixtures';

/**
 * An anonymous visitor browses the market on the real platform: ada's two listings (made through the API first,
 * one with an English prompt and one with a Chinese one), the server-side search in both languages, the price
 * filter in exact ETH, the query in the URL and Back, the empty result, a refusal, and a card's link.
 */
interface Listed {
  artworkId: string;
  title: string;
}

// words no other spec's artworks and none of the benchmark's seeded titles use, so the searches find ours alone
const ENGLISH = { prompt: 'a purple teapot on a wooden violin', title: 'Purple teapot', priceWei: '12300000000000000' };
const CHINESE = { prompt: '黄色背景上的绿色三角形', title: '绿色三角形', priceWei: '45600000000000000' };

let english: Listed;
let chinese: Listed;

/** Ada generates an artwork, publishes it under `title` and lists it at `priceWei`; then waits until browse shows it. */
async function listArtwork(request: APIRequestContext, token: string, artwork: typeof ENGLISH, seed: number): Promise<Listed> {
  const headers = { Authorization: `Bearer ${token}` };
  const artworkId = await generateArtwork(request, token, artwork.prompt, seed);
  const published = await request.post(`/api/artworks/${artworkId}/publish`, { headers, data: { title: artwork.title } });
  expect(published.ok(), await published.text()).toBeTruthy();
  const listed = await request.post('/api/listings', { headers, data: { artworkId, priceWei: artwork.priceWei } });
  expect(listed.status(), await listed.text()).toBe(201);
  // browse pages are cached for a moment: wait until the new listing is in them
  await expect
    .poll(async () => {
      const page = (await (await request.get(`/api/market/listings?creator=ada&limit=100`)).json()) as { items: { artworkId: string }[] };
      return page.items.some((item) => item.artworkId === artworkId);
    }, { timeout: 30_000 })
    .toBe(true);
  return { artworkId, title: artwork.title };
}

const card = (page: Page, listed: Listed) => page.getByTestId('listing-card').filter({ has: page.locator(`a[href="/artworks/${listed.artworkId}"]`) });
const grid = (page: Page) => page.getByRole('list', { name: /^(Listings|挂单)$/ });

async function cardOrder(page: Page): Promise<string[]> {
  return grid(page)
    .locator('a.card-link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')?.replace('/artworks/', '') ?? ''));
}

test.describe.configure({ mode: 'serial' });

test.describe('explore', () => {
  test.beforeAll(async ({ request }) => {
    test.setTimeout(300_000);
    const token = await tokenFor(request, users.ada);
    english = await listArtwork(request, token, ENGLISH, 5151);
    chinese = await listArtwork(request, token, CHINESE, 5252);
  });

  test('an anonymous visitor browses, searches in English and Chinese, filters by price, goes Back and opens a card', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Explore' }).click();
    await expect(page).toHaveURL(/\/explore$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Explore the market' })).toBeVisible();
    await expect(card(page, english)).toBeVisible();
    await expect(card(page, chinese)).toBeVisible();
    await expect(card(page, chinese)).toContainText('0.0456 ETH');
    await expect(card(page, chinese)).toContainText('Ada');
    const newest = await cardOrder(page);
    expect(newest.indexOf(chinese.artworkId)).toBeLessThan(newest.indexOf(english.artworkId));
    await expect(card(page, english).locator('img')).toHaveAttribute('loading', 'lazy');
    await expect(page.getByRole('status')).toHaveText(/\d+ listings? shown/);
    await axe(page);
    await shot(page, 'explore');

    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('teapot');
    await search.press('Enter');
    await expect(page).toHaveURL(/\/explore\?q=teapot$/);
    await expect(card(page, english)).toBeVisible();
    await expect(card(page, chinese)).toHaveCount(0);

    await search.fill('三角形');
    await search.press('Enter');
    await expect(page).toHaveURL(/\/explore\?q=%E4%B8%89%E8%A7%92%E5%BD%A2$/);
    await expect(card(page, chinese)).toBeVisible();
    await expect(card(page, english)).toHaveCount(0);

    await page.goBack();
    await expect(page).toHaveURL(/\/explore\?q=teapot$/);
    await expect(search).toHaveValue('teapot');
    await expect(card(page, english)).toBeVisible();
    await expect(card(page, chinese)).toHaveCount(0);

    // the price range in ETH, sent as exact wei
    await search.fill('');
    await page.getByLabel('Min price (ETH)').fill('0.04');
    await page.getByLabel('Max price (ETH)').fill('0.05');
    const filtered = page.waitForRequest((request) => request.url().includes('/api/market/listings'));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    expect(new URL((await filtered).url()).searchParams.get('minPriceWei')).toBe('40000000000000000');
    await expect(page).toHaveURL(/\/explore\?min=0\.04&max=0\.05$/);
    await expect(card(page, chinese)).toBeVisible();
    await expect(card(page, english)).toHaveCount(0);

    // a bound that is not an amount of ETH is explained and never sent
    let sent = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/market/listings')) sent++;
    });
    const max = page.getByLabel('Max price (ETH)');
    await max.fill('0.05.1');
    await max.press('Enter');
    await expect(page.getByText('Type an amount in ETH, such as 0.05.')).toBeVisible();
    await expect(max).toHaveAttribute('aria-invalid', 'true');
    await max.fill('0.01');
    await max.press('Enter');
    await expect(page.getByText('The minimum price must not be above the maximum.')).toBeVisible();
    expect(sent).toBe(0);
    await expect(page).toHaveURL(/\/explore\?min=0\.04&max=0\.05$/);

    // the order: price high to low, applied at once
    await max.fill('0.05');
    await page.getByLabel('Min price (ETH)').fill('0.01');
    await max.press('Enter');
    await expect(page).toHaveURL(/\/explore\?min=0\.01&max=0\.05$/);
    await expect(card(page, english)).toBeVisible();
    await page.getByLabel('Sort by').selectOption('price_asc');
    await expect(page).toHaveURL(/\/explore\?min=0\.01&max=0\.05&sort=price_asc$/);
    await expect.poll(async () => (await cardOrder(page)).indexOf(english.artworkId) < (await cardOrder(page)).indexOf(chinese.artworkId)).toBe(true);
    await page.getByLabel('Sort by').selectOption('price_desc');
    await expect(page).toHaveURL(/sort=price_desc$/);
    await expect.poll(async () => (await cardOrder(page)).indexOf(chinese.artworkId) < (await cardOrder(page)).indexOf(english.artworkId)).toBe(true);
    await page.goBack();
    await expect(page).toHaveURL(/sort=price_asc$/);
    await expect(page.getByLabel('Sort by')).toHaveValue('price_asc');

    // a shared address opens the same search
    await page.goto(`/explore?q=${encodeURIComponent('三角形')}&minted=false&creator=ada`);
    await expect(search).toHaveValue('三角形');
    await expect(page.getByLabel('Creator handle')).toHaveValue('ada');
    await expect(page.getByLabel('Token')).toHaveValue('false');
    await expect(card(page, chinese)).toBeVisible();

    await card(page, chinese).getByRole('link', { name: chinese.title }).click();
    await expect(page).toHaveURL(new RegExp(`/artworks/${chinese.artworkId}$`));
  });

  test('an empty result says so and offers to clear the filters; a refusal is explained', async ({ page }) => {
    await page.goto('/explore?q=nothing-has-this-word&minted=true');
    await expect(page.getByRole('heading', { name: 'No listing matches this search.' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page).toHaveURL(/\/explore$/);
    await expect(card(page, english)).toBeVisible();

    // the API refuses a search over 200 characters: the reader gets a sentence, not a stack of field names
    await page.goto(`/explore?q=${'a'.repeat(201)}`);
    await expect(page.getByTestId('explore-refusal')).toContainText('The search is too long: at most 200 characters.');
  });

  test('the explore page in Chinese', async ({ page }) => {
    await page.goto('/');
    await useLanguage(page, 'zh-CN');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '探索' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '探索市场' })).toBeVisible();
    await expect(card(page, chinese)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/已显示 \d+ 个挂单/);
    await expect(page.getByLabel('排序')).toContainText('价格从低到高');
    await axe(page);
    await shot(page, 'explore');

    await page.getByLabel('最低价格（ETH）').fill('一点');
    await page.getByLabel('最低价格（ETH）').press('Enter');
    await expect(page.getByText('请输入以 ETH 为单位的金额，例如 0.05。')).toBeVisible();
    await page.getByLabel('最低价格（ETH）').fill('０.０４');
    await page.getByLabel('最低价格（ETH）').press('Enter');
    await expect(page).toHaveURL(/\/explore\?min=0\.04$/);
    await expect(card(page, chinese)).toBeVisible();
    await expect(card(page, english)).toHaveCount(0);

    await page.goto('/explore?q=没有这个词的作品xyz');
    await expect(page.getByRole('heading', { name: '没有符合此搜索的挂单。' })).toBeVisible();
    await axe(page);
    await page.goto(`/explore?q=${'字'.repeat(201)}`);
    await expect(page.getByTestId('explore-refusal')).toContainText('搜索内容过长：最多 200 个字符。');
  });
});
