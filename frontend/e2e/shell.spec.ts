import { axe, expect, shot, signIn, test, useLanguage, users } from './fixtures';

test.describe('app shell', () => {
  test('an anonymous visitor sees the public front page in English, and in Chinese after switching', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Art with a verifiable recipe');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await axe(page);
    await shot(page, 'home');

    await useLanguage(page, 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('每件作品都有可验证的配方');
    await shot(page, 'home');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    await axe(page);
  });

  test('the browser language is the first default', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('link', { name: '创作室', exact: true })).toBeVisible();
    await context.close();
  });

  test('deep links reload into the app; the API keeps its problem documents', async ({ page, request }) => {
    await page.goto('/gallery?q=circle');
    await expect(page.getByRole('heading', { name: 'Sign in to continue' })).toBeVisible();
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await shot(page, 'not-found');

    const api = await request.get('/api/no-such-resource');
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
    const management = await request.get('/q/no-such-thing');
    expect(management.status()).toBe(404);
  });

  test('the studio asks anonymous visitors to sign in and returns them there afterwards', async ({ page }) => {
    await page.goto('/studio');
    await expect(page.getByRole('heading', { name: 'Sign in to continue' })).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#username').fill(users.ada.username);
    await page.locator('#password').fill(users.ada.password);
    await page.locator('#kc-login').click();
    await expect(page).toHaveURL(/\/studio$/);
    await expect(page.getByTestId('user')).toHaveText('Ada Lovelace');
    await expect(page.getByTestId('credits')).toContainText(/\d+ credits?/);
  });

  test('bo, a collector only, is refused the studio with a clear message, in both languages', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.bo);
    await page.getByRole('link', { name: 'Studio', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The studio is for creators');
    await expect(page.getByTestId('credits')).toHaveCount(0);
    await axe(page);
    await shot(page, 'studio-refused');
    await useLanguage(page, 'zh-CN');
    await expect(page.getByRole('alert')).toContainText('创作室仅向创作者开放');
    await shot(page, 'studio-refused');
  });

  test('a reload keeps the session; sign out ends the Keycloak session', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.ada);
    await page.reload();
    await expect(page.getByTestId('user')).toHaveText('Ada Lovelace');
    const tokenInStorage = await page.evaluate(() =>
      [...Object.values(localStorage), ...Object.values(sessionStorage)].some((value) => value.includes('eyJ')),
    );
    expect(tokenInStorage).toBe(false);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('user')).toHaveCount(0);
    // the Keycloak session is gone too: signing in again shows the login form instead of coming straight back
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#username')).toBeVisible();
  });
});
