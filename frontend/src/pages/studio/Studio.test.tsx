import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router';
import { ApiProblem } from '../../api/problem';
import type { Artwork, Job, Model } from '../../api/types';
import { buildPng } from '../../test/png';
import '../../i18n';

const api = vi.hoisted(() => vi.fn());
vi.mock('../../api/client', () => ({
  api,
  authHeaders: async () => ({ Authorization: 'Bearer test-token' }),
  blobUrl: async () => 'blob:test',
}));
vi.mock('../../auth/useAuth', () => ({
  useAuth: () => ({ authenticated: true, username: 'ada', hasRole: () => true, signIn: () => undefined, signOut: () => undefined }),
}));

const { default: StudioPage } = await import('./StudioPage');

const model: Model = {
  name: 'artmint-tiny',
  sha256: '0123456789abcdef',
  isDefault: true,
  defaults: { steps: 20, guidance: 7, width: 256, height: 256, scheduler: 'euler_a' },
  limits: { promptLength: 1000, maxSteps: 100, minSide: 64, maxSide: 1024, sideMultiple: 8, maxCount: 4, maxGuidance: 30, schedulers: ['euler_a', 'ddim', 'dpmpp_2m_karras'] },
};
const job: Job = {
  id: 'job-1', status: 'QUEUED', queuePosition: 1, step: 0, totalSteps: 20, count: 2, model: 'artmint-tiny', prompt: 'a red circle',
  seed: 1, attempts: 0, artworks: [], error: null, createdAt: '2026-12-01T10:00:00Z', finishedAt: null,
};
const artwork = (id: string, imageIndex: number): Artwork =>
  ({ id, jobId: 'job-1', imageIndex, seed: 42 + imageIndex, width: 256, height: 256, parentId: null, image: `/api/artworks/${id}/image`, thumbnail: `/api/artworks/${id}/thumbnail` }) as Artwork;
const sse = (name: string, data: unknown, id: number) => `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

const valueOf = (element: HTMLElement) => (element as HTMLInputElement).value;
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderStudio(path = '/studio') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <StudioPage />
        <Location />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

let posted: Record<string, unknown>[];
beforeEach(() => {
  localStorage.clear();
  posted = [];
  api.mockImplementation(async (path: string, options: { method?: string; body?: Record<string, unknown> } = {}) => {
    if (path === '/api/models') return [model];
    if (path === '/api/me/credits') return { dailyAllowance: 50, dailyLeft: 3, granted: 0, available: 3, refillsAt: '2026-12-02T00:00:00Z' };
    if (path === '/api/generations' && options.method === 'POST') {
      posted.push(options.body!);
      return job;
    }
    const artworkPath = /^\/api\/artworks\/([\w-]+)$/.exec(path);
    if (artworkPath) return { ...artwork(artworkPath[1], 0), prompt: 'a blue square', negativePrompt: 'blurry', steps: 30, guidance: 4.5, scheduler: 'ddim', seed: 777, width: 320, height: 192, model: 'artmint-tiny' };
    throw new Error(`unexpected ${options.method ?? 'GET'} ${path}`);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the studio page', () => {
  it('generates on Ctrl+Enter, follows the events and shows each image as it comes', async () => {
    const events = [
      sse('queued', { position: 1 }, 1),
      sse('progress', { step: 5, total: 20, preview: 'data:image/png;base64,iVBORw0KGgo=' }, 2),
      sse('progress', { step: 10, total: 20, preview: null }, 3),
      sse('image', artwork('a1', 0), 4),
    ];
    let release: () => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(events.join('')));
          release = () => {
            controller.enqueue(new TextEncoder().encode(sse('image', artwork('a2', 1), 5) + sse('done', { artworks: ['a1', 'a2'] }, 6)));
            controller.close();
          };
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    }));
    renderStudio();
    const prompt = await screen.findByLabelText('Prompt');
    fireEvent.change(prompt, { target: { value: 'a red circle' } });
    fireEvent.click(screen.getByRole('radio', { name: '2' }));
    expect((screen.getByRole('button', { name: 'Generate 2 images · 2 credits' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.keyDown(prompt, { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ prompt: 'a red circle', count: 2, steps: 20, guidance: 7, width: 256, height: 256, scheduler: 'euler_a', model: 'artmint-tiny' });
    expect(typeof posted[0].seed).toBe('number');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('/studio?job=job-1'));

    const bar = await screen.findByRole('progressbar');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('50'));
    expect(screen.getByText('Step 10/20')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Live preview of the image being made' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('result')).toHaveLength(1));
    expect(screen.getByTestId('job-status').textContent).toContain('Image 1 of 2 is ready.');

    await act(async () => release());
    await waitFor(() => expect(screen.getAllByTestId('result')).toHaveLength(2));
    expect(screen.getByTestId('job-status').textContent).toContain('Done: 2 images.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    // the seed used is recorded and kept in the stored form
    expect(JSON.parse(localStorage.getItem('artmint.studio.form.v1')!).seed.last).toBe(posted[0].seed);
  });

  it('shows a field error from the API next to its field, and the credit shortfall before sending', async () => {
    const refusal = new ApiProblem(400, { type: 'urn:artmint:problem:validation', title: 'Invalid request', detail: 'width: must be a multiple of 8 between 64 and 1024, got 100', errors: [{ field: 'width', message: 'must be a multiple of 8 between 64 and 1024, got 100' }] });
    const fallback = api.getMockImplementation()!;
    api.mockImplementation(async (path: string, options: { method?: string } = {}) => {
      if (path === '/api/generations') throw refusal;
      return fallback(path, options);
    });
    renderStudio();
    fireEvent.change(await screen.findByLabelText('Prompt'), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText('Width'), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: /^Generate/ }));
    const width = screen.getByLabelText('Width');
    await waitFor(() => expect(width.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(width)).toMatch(/must be a multiple of 8 between 64 and 1024, got 100/);
    expect(screen.getByRole('alert').textContent).toContain('Some values are not valid');
    fireEvent.change(width, { target: { value: '104' } });
    expect(width.getAttribute('aria-invalid')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: '4' }));
    expect((screen.getByRole('button', { name: 'Generate 4 images · 4 credits' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Not enough credits: 4 images need 4 credits and you have 3\./)).toBeTruthy();
  });

  it('fills the form from a dropped PNG’s parameters and says what it filled', async () => {
    renderStudio();
    await screen.findByLabelText('Prompt');
    const png = buildPng([
      { type: 'iTXt', keyword: 'parameters', text: '夕阳下蓝色大海上方的红色圆形\nNegative prompt: 模糊\nSteps: 12, Sampler: DDIM, CFG scale: 4.5, Seed: 31337, Size: 320x192, Clip skip: 2' },
    ]);
    const file = new File([png], 'sunset.png', { type: 'image/png' });
    fireEvent.drop(screen.getByTestId('studio'), { dataTransfer: { files: [file], types: ['Files'] } });
    await waitFor(() => expect(valueOf(screen.getByLabelText('Prompt'))).toBe('夕阳下蓝色大海上方的红色圆形'));
    expect(valueOf(screen.getByLabelText('Negative prompt'))).toBe('模糊');
    expect(valueOf(screen.getByLabelText('Steps', { selector: 'input[type=number]' }))).toBe('12');
    expect(valueOf(screen.getByLabelText('Sampler'))).toBe('ddim');
    expect(valueOf(screen.getByLabelText('Seed'))).toBe('31337');
    expect(screen.getByRole('button', { name: 'Keep this seed' }).getAttribute('aria-pressed')).toBe('true');
    expect(valueOf(screen.getByLabelText('Width'))).toBe('320');
    const notice = screen.getByTestId('fill-notice');
    expect(notice.textContent).toContain('Read from sunset.png: prompt, negative prompt, steps, sampler, guidance, seed, and size.');
    expect(notice.textContent).toContain('Not used here: Clip skip.');

    fireEvent.drop(screen.getByTestId('studio'), { dataTransfer: { files: [new File([buildPng([])], 'plain.png', { type: 'image/png' })], types: ['Files'] } });
    await waitFor(() => expect(screen.getByTestId('fill-notice').textContent).toContain('plain.png carries no generation parameters.'));
  });

  it('takes a recipe link (remix keeps all but the seed) and a variation link', async () => {
    renderStudio('/studio?recipe=art-9&mode=remix');
    await waitFor(() => expect(valueOf(screen.getByLabelText('Prompt'))).toBe('a blue square'));
    expect(valueOf(screen.getByLabelText('Seed'))).not.toBe('777');
    expect(screen.getByRole('button', { name: 'Keep this seed' }).getAttribute('aria-pressed')).toBe('false');
    expect(valueOf(screen.getByLabelText('Sampler'))).toBe('ddim');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/studio'));
    cleanup();

    renderStudio('/studio?init=art-7');
    const strength = await screen.findByLabelText('Strength');
    expect(valueOf(strength)).toBe('0.6');
    const link = await screen.findByRole('link', { name: 'Variation of “a blue square”' });
    expect(link.getAttribute('href')).toBe('/gallery?artwork=art-7');
    fireEvent.change(strength, { target: { value: '0.4' } });
    fireEvent.change(screen.getByLabelText('Prompt'), { target: { value: 'p' } });
    fireEvent.click(screen.getByRole('button', { name: /^Generate/ }));
    await waitFor(() => expect(posted[0]).toMatchObject({ initArtworkId: 'art-7', strength: 0.4 }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Variation' })).getByRole('button', { name: 'Remove the starting image' }));
    expect(screen.queryByLabelText('Strength')).toBeNull();
  });
});
