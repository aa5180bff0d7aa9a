import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ReactNode } from 'react';
import i18n from '../../i18n';
import './i18n';
import { ListingForm } from './ListingForm';
import { SearchBox } from './SearchBox';
import { VerifyPanel } from './VerifyPanel';
import { withGalleryQuery } from './query';
import { galleryKeys } from './api';

const CONFIG = { oidc: { url: 'http://kc/realms/artmint', clientId: 'artmint-web' }, chainId: 31337, explorerTxUrl: null, platformFeeBps: 250 };

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function wrap(children: ReactNode, url = '/gallery') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  // GET /api/config as the service answers it: the platform fee comes from there
  client.setQueryData(galleryKeys.config, CONFIG);
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  await i18n.changeLanguage('en');
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function SearchHarness() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <SearchBox value={params.get('q') ?? ''} onSearch={(q) => setParams((current) => withGalleryQuery(current, { q }))} />
      <output data-testid="url">{location.search}</output>
      <button type="button" onClick={() => navigate(-1)}>
        back
      </button>
    </>
  );
}

describe('search box', () => {
  it('puts the search in the URL once typing pauses, and Back brings the earlier one back', async () => {
    render(wrap(<SearchHarness />, '/gallery?q=circle'));
    const input = screen.getByRole('searchbox', { name: 'Search your artworks' });
    expect(input).toHaveProperty('value', 'circle');
    fireEvent.change(input, { target: { value: '红色 圆形' } });
    expect(screen.getByTestId('url').textContent).toBe('?q=circle');
    await waitFor(() => expect(screen.getByTestId('url').textContent).toBe('?q=%E7%BA%A2%E8%89%B2+%E5%9C%86%E5%BD%A2'));
    fireEvent.click(screen.getByRole('button', { name: 'back' }));
    await waitFor(() => expect(input).toHaveProperty('value', 'circle'));
    expect(screen.getByTestId('url').textContent).toBe('?q=circle');
  });
});

describe('listing form', () => {
  it('shows the exact wei, confirms with the fee, and sends the price as a decimal wei string', async () => {
    fetchMock.mockResolvedValue(json(201, { id: 'l1', priceWei: '10000000000000000', kind: 'LAZY_MINT' }));
    render(wrap(<ListingForm artworkId="a1" royaltyBps={500} lazyMint />));
    const price = screen.getByLabelText('Price (ETH)');
    fireEvent.change(price, { target: { value: '0.01' } });
    expect(screen.getByTestId('price-wei').textContent).toBe('= 10000000000000000 wei');
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    const summary = screen.getByTestId('listing-summary');
    expect(within(summary).getByText('Platform fee (2.5%)').nextSibling?.textContent).toBe('− 0.00025 ETH');
    expect(within(summary).getByText('Royalty on resales (5%)')).toBeTruthy();
    expect(within(summary).getByText('You receive').nextSibling?.textContent).toBe('0.00975 ETH');
    expect(document.activeElement?.textContent).toBe('Confirm the listing');
    fireEvent.click(screen.getByRole('button', { name: 'List for sale' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [path, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(path).toBe('/api/listings');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ artworkId: 'a1', priceWei: '10000000000000000' });
  });

  it('refuses a zero price next to the field, in Chinese too', async () => {
    render(wrap(<ListingForm artworkId="a1" royaltyBps={0} lazyMint />));
    fireEvent.change(screen.getByLabelText('Price (ETH)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText('The price must be more than 0.')).toBeTruthy();
    expect(screen.getByLabelText('Price (ETH)').getAttribute('aria-invalid')).toBe('true');
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(screen.getByText('价格必须大于 0。')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows what a 402 needs and holds, in ether', async () => {
    fetchMock.mockImplementation((path: string) =>
      Promise.resolve(
        path === '/api/config'
          ? json(200, CONFIG)
          : json(
              402,
              {
                type: 'urn:artmint:problem:insufficient-funds',
                title: 'Insufficient funds',
                status: 402,
                detail: 'your custodial wallet holds 0 wei',
                amountNeededWei: '4800000000000000',
                balanceWei: '0',
                shortfallWei: '4800000000000000',
              },
              'application/problem+json',
            ),
      ),
    );
    render(wrap(<ListingForm artworkId="a1" royaltyBps={0} lazyMint={false} />));
    fireEvent.change(screen.getByLabelText('Price (ETH)'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(screen.getByRole('button', { name: 'List for sale' }));
    const problem = await screen.findByTestId('funds-problem');
    expect(within(problem).getByText('Needed').nextSibling?.textContent).toBe('0.0048 ETH');
    expect(within(problem).getByText('Your balance').nextSibling?.textContent).toBe('0 ETH');
    expect(await within(problem).findByRole('button', { name: 'Get test ether (local chain)' })).toBeTruthy();
  });
});

describe('verification', () => {
  it('lists every check with its outcome in words', async () => {
    fetchMock.mockResolvedValue(
      json(200, {
        provenanceHash: '0xabc',
        verified: true,
        reproduced: true,
        checks: [
          { name: 'record-hash', outcome: 'PASSED', detail: 'ok' },
          { name: 'reproduction', outcome: 'PASSED', detail: 'same pixels' },
        ],
      }),
    );
    render(wrap(<VerifyPanel artworkId="a1" />));
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByTestId('verify-summary')).textContent).toContain('Verified: all 2 checks passed');
    const checks = screen.getAllByRole('listitem');
    expect(checks.map((check) => check.textContent)).toEqual([
      '✓PassedThe record hashes to the provenance hashok',
      '✓PassedThe recipe reproduces the imagesame pixels',
    ]);
  });

  it('shows the byte checks at once and follows a queued re-run until a worker has done it', async () => {
    const byteCheck = { name: 'record-hash', outcome: 'PASSED', detail: 'ok' };
    const queued = { provenanceHash: '0xabc', verified: false, reproduced: false };
    fetchMock
      .mockResolvedValueOnce(json(202, { ...queued, checks: [byteCheck, { name: 'reproduction', outcome: 'QUEUED', detail: 'queued' }] }))
      .mockResolvedValueOnce(json(200, { ...queued, checks: [byteCheck, { name: 'reproduction', outcome: 'QUEUED', detail: 'queued' }] }))
      .mockResolvedValue(
        json(200, {
          provenanceHash: '0xabc',
          verified: true,
          reproduced: true,
          checks: [byteCheck, { name: 'reproduction', outcome: 'PASSED', detail: 'same pixels' }],
        }),
      );
    render(wrap(<VerifyPanel artworkId="a1" />));
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/a worker is re-running the recipe/)).toBeTruthy();
    expect(screen.queryByTestId('verify-summary')).toBeNull();
    expect((await screen.findByTestId('verify-summary', {}, { timeout: 5000 })).textContent).toContain(
      'Verified: all 2 checks passed',
    );
    const paths = fetchMock.mock.calls.map((call) => String(call[0]));
    expect(paths.filter((path) => path.endsWith('/api/artworks/a1/verification')).length).toBeGreaterThanOrEqual(2);
    expect(paths.filter((path) => path.endsWith('/verify')).length).toBe(1);
  });
});
