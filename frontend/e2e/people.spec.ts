import type { APIRequestContext, Page } from '@playwright/test';
import { Wallet as EthersWallet, getBytes } from 'ethers';
import { axe, expect, generateArtwork, shot, signIn, test, tokenFor, useLanguage, users } from './fixtures';

/**
 * People on the real platform: ada's creator profile and her bio, bo's wallet (the faucet, linking an external
 * wallet through an injected EIP-1193 provider, withdrawing a token he bought), and admin's credit grants.
 */
type Bearer = { Authorization: string };

const bearer = async (request: APIRequestContext, user: { username: string; password: string }): Promise<Bearer> => ({
  Authorization: `Bearer ${await tokenFor(request, user)}`,
});

interface Published {
  id: string;
  title: string;
}

let work: Published;

async function generateAndPublish(request: APIRequestContext, title: string): Promise<Published> {
  const ada = await bearer(request, users.ada);
  const id = await generateArtwork(request, await tokenFor(request, users.ada), 'a lighthouse at dusk, ink drawing', Date.now() % 100000);
  const published = await request.post(`/api/artworks/${id}/publish`, { headers: ada, data: { title, royaltyBps: 500 } });
  expect(published.ok()).toBeTruthy();
  return { id, title };
}

async function walletOf(request: APIRequestContext, headers: Bearer) {
  return (await (await request.get('/api/me/wallet', { headers })).json()) as { address: string; balanceWei: string; tokens: string[] };
}

/** A minimal EIP-1193 provider, as a wallet extension injects it, whose throwaway key signs in the test's process. */
async function injectProvider(page: Page): Promise<{ address: string }> {
  const key = EthersWallet.createRandom();
  await page.exposeFunction('__e2ePersonalSign', (hexMessage: string) => key.signMessage(getBytes(hexMessage)));
  await page.addInitScript((address: string) => {
    const sign = (window as unknown as { __e2ePersonalSign: (hex: string) => Promise<string> }).__e2ePersonalSign;
    (window as unknown as { ethereum: unknown }).ethereum = {
      request: async ({ method, params }: { method: string; params?: unknown[] }) => {
        if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address];
        if (method === 'eth_chainId') return '0x7a69';
        if (method === 'personal_sign') return sign(String(params?.[0]));
        throw Object.assign(new Error(`unsupported method ${method}`), { code: 4200 });
      },
    };
  }, key.address);
  return key;
}

test.describe.configure({ mode: 'serial' });

test.describe('people', () => {
  test.beforeAll(async ({ request }) => {
    test.setTimeout(180_000);
    work = await generateAndPublish(request, `Lighthouse ${Date.now()}`);
  });

  test("ada's profile shows her published work, and her bio edit round-trips", async ({ page, request }) => {
    await page.goto('/creators/ada');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: work.title }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit bio' })).toHaveCount(0);

    await signIn(page, users.ada);
    await page.goto('/creators/ada');
    const bio = `I draw lighthouses, ${Date.now()}.`;
    await page.getByRole('button', { name: 'Edit bio' }).click();
    await page.getByRole('textbox', { name: 'Bio', exact: true }).fill(bio);
    await page.getByRole('button', { name: 'Save bio' }).click();
    await expect(page.getByTestId('bio')).toHaveText(bio);
    await page.reload();
    await expect(page.getByTestId('bio')).toHaveText(bio);
    const profile = (await (await request.get('/api/creators/ada')).json()) as { bio: string };
    expect(profile.bio).toBe(bio);
    await axe(page);
    await shot(page, 'creator');

    await useLanguage(page, 'zh-CN');
    await expect(page.getByRole('tab', { name: '创作' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tab', { name: '动态' }).click();
    await expect(page.getByTestId('creator-activity')).toContainText('发布');
    await axe(page);
    await page.getByRole('tab', { name: '创作' }).click();
    await shot(page, 'creator');
  });

  test('bo funds his wallet from the faucet and sees the balance change', async ({ page }) => {
    await page.goto('/');
    await signIn(page, users.bo);
    await page.getByRole('link', { name: 'Wallet' }).click();
    const balance = page.getByTestId('wallet-balance');
    await expect(balance).toHaveText(/ETH$/);
    const before = await balance.textContent();
    await page.getByRole('button', { name: 'Get test ETH from the faucet' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The faucet sent test ETH' })).toBeVisible();
    await expect(page.getByTestId('wallet-transactions')).toContainText('Received');
    await expect(balance).not.toHaveText(before ?? '', { timeout: 60_000 });
    await expect(page.getByTestId('wallet-transactions').locator('tbody tr').first()).toContainText('Confirmed');
    await axe(page);
  });

  test('bo links an external wallet, then withdraws a token he bought to it, and the activity shows the transfer', async ({ page, request }) => {
    test.setTimeout(240_000);
    const ada = await bearer(request, users.ada);
    const bo = await bearer(request, users.bo);
    // arrange: ada lists the work, bo (funded) buys it through the API and the sale settles
    const listed = await request.post('/api/listings', { headers: ada, data: { artworkId: work.id, priceWei: '1000000000000000' } });
    expect(listed.status()).toBe(201);
    const listing = (await listed.json()) as { id: string };
    expect((await request.post('/api/me/wallet/faucet', { headers: bo })).status()).toBe(202);
    await expect.poll(async () => BigInt((await walletOf(request, bo)).balanceWei) >= 10n ** 17n, { timeout: 60_000 }).toBe(true);
    const bought = await request.post(`/api/listings/${listing.id}/purchase`, { headers: bo });
    expect(bought.status()).toBe(202);
    const purchase = (await bought.json()) as { id: string };
    await expect
      .poll(async () => ((await (await request.get(`/api/purchases/${purchase.id}`, { headers: bo })).json()) as { status: string }).status, {
        timeout: 120_000,
      })
      .toBe('SETTLED');

    // the indexer has seen the mint to bo's custodial wallet
    await expect
      .poll(async () => ((await (await request.get('/api/creators/bo/collected?limit=100')).json()) as { items: { artworkId: string }[] }).items.map((item) => item.artworkId), {
        timeout: 60_000,
      })
      .toContain(work.id);

    const key = await injectProvider(page);
    await page.goto('/');
    await signIn(page, users.bo);
    await page.goto('/wallet');
    await page.getByRole('button', { name: 'Link a browser wallet' }).click();
    await expect(page.getByTestId('linked-addresses')).toContainText(key.address.toLowerCase());

    const tokens = page.getByTestId('wallet-tokens');
    await expect(tokens.getByRole('link', { name: work.title })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: `Withdraw or transfer ${work.title}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const recipient = dialog.getByLabel('Recipient address');
    // one letter's case changed: the EIP-55 checksum refuses it before anything is sent
    const broken = key.address.replace(/[a-f]/, (letter) => letter.toUpperCase());
    await recipient.fill(broken === key.address ? key.address.replace(/[A-F]/, (letter) => letter.toLowerCase()) : broken);
    await expect(dialog).toContainText('checksum');
    await expect(dialog.getByRole('button', { name: 'Withdraw to linked wallet' })).toBeDisabled();
    await recipient.fill(key.address);
    await expect(dialog.getByTestId('recipient')).toContainText('your linked wallet');
    await expect(dialog.getByTestId('recipient')).toContainText(key.address);
    await axe(page);
    await dialog.getByRole('button', { name: 'Withdraw to linked wallet' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Sent.' })).toBeVisible();
    await expect(tokens.getByRole('link', { name: work.title })).toHaveCount(0, { timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'wallet');
    await useLanguage(page, 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '钱包' })).toBeVisible();
    await axe(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'wallet');

    const activity = '/creators/ada?tab=activity';
    const short = `${key.address.toLowerCase().slice(0, 6)}…${key.address.toLowerCase().slice(-4)}`;
    const transfer = page.getByTestId('creator-activity').getByRole('row').filter({ hasText: work.title }).filter({ hasText: short });
    // the indexer records the chain's transfer a few blocks later; each visit signs in again (check-sso) and reads
    // the tab anew, which on a loaded 2-core machine takes seconds. A visit to the page's own address, not a reload: a
    // reload that interrupts the sign-in round trip reloads Keycloak's return address (the root) instead
    await expect(async () => {
      await page.goto(activity);
      await expect(transfer.first()).toContainText('转移', { timeout: 10_000 });
    }).toPass({ timeout: 120_000 });
    await expect(page.getByTestId('creator-activity').getByRole('row').filter({ hasText: work.title }).filter({ hasText: '售出' })).not.toHaveCount(0);
  });

  test("admin grants credits to a user, and the user's credits change; a refusal is shown", async ({ page, request }) => {
    const bo = await bearer(request, users.bo);
    const before = ((await (await request.get('/api/me/credits', { headers: bo })).json()) as { granted: number }).granted;
    await page.goto('/');
    await signIn(page, users.admin);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    const row = page.getByTestId('user-bo');
    await row.getByLabel('Credits to grant to @bo').fill('0');
    await row.getByRole('button', { name: 'Grant credits to @bo' }).click();
    await expect(row.getByRole('alert')).toBeVisible();
    await row.getByLabel('Credits to grant to @bo').fill('7');
    await row.getByRole('button', { name: 'Grant credits to @bo' }).click();
    await expect(row.getByTestId('granted')).toContainText('@bo now has');
    const after = ((await (await request.get('/api/me/credits', { headers: bo })).json()) as { granted: number }).granted;
    expect(after).toBe(before + 7);
    await axe(page);
    await shot(page, 'admin');
    await useLanguage(page, 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '用户' })).toBeVisible();
    await axe(page);
    await shot(page, 'admin');
  });
});

