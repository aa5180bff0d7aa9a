import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { keycloakURL } from '../playwright.config';

export { expect };

export const users = {
  ada: { username: 'ada', password: 'ada' },
  bo: { username: 'bo', password: 'bo' },
  admin: { username: 'admin', password: 'admin' },
} as const;

export const test = base;

/** Signs in through Keycloak's real login form, starting from the header's Sign in button, and waits to be back. */
export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  if (page.url() === 'about:blank') {
    await page.goto('/');
  }
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).first().click();
  await page.locator('#username').waitFor();
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('#kc-login').click();
  await expect(page.getByTestId('user')).not.toBeEmpty();
}

/** An access token from the local realm's password grant, for arranging data through the API. */
export async function tokenFor(request: APIRequestContext, user: { username: string; password: string }): Promise<string> {
  const response = await request.post(`${keycloakURL}/realms/artmint/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: 'artmint-web', username: user.username, password: user.password },
  });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * Generates one image through the API as the token's user (the tiny model, 8 steps) and waits for it; answers the
 * new artwork's id. The tiny model is slow on a loaded machine, hence the long wait.
 */
export async function generateArtwork(request: APIRequestContext, token: string, prompt: string, seed: number): Promise<string> {
  const headers = { Authorization: `Bearer ${token}` };
  const submitted = await request.post('/api/generations', { headers, data: { prompt, seed, steps: 8, count: 1 } });
  expect(submitted.status(), await submitted.text()).toBe(202);
  const job = (await submitted.json()) as { id: string };
  let artworks: string[] = [];
  await expect
    .poll(
      async () => {
        const state = (await (await request.get(`/api/generations/${job.id}`, { headers })).json()) as { status: string; artworks: string[] };
        artworks = state.artworks;
        return state.status;
      },
      { timeout: 120_000 },
    )
    .toBe('SUCCEEDED');
  return artworks[0];
}

/** Fails the test on any serious or critical accessibility violation that axe-core finds on the page. */
export async function axe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    severe.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Saves a full-page screenshot as target/screenshots/<html lang>/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  const lang = await page.evaluate(() => document.documentElement.lang || 'en');
  const path = `../target/screenshots/${lang}/${name}.png`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

/** Switches the UI language with the header's switch. */
export async function useLanguage(page: Page, code: 'en' | 'zh-CN'): Promise<void> {
  await page.getByRole('combobox', { name: /^(Language|语言)$/ }).selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}
