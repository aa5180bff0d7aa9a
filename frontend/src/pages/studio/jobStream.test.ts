import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import type { Artwork, Job } from '../../api/types';
import {
  etaSeconds,
  idleJob,
  isActive,
  jobReducer,
  missingArtworks,
  percentOf,
  streamJob,
  type JobAction,
  type JobState,
} from './jobStream';

const job = (overrides: Partial<Job> = {}): Job => ({
  id: 'job-1',
  status: 'QUEUED',
  queuePosition: 2,
  step: 0,
  totalSteps: 20,
  count: 2,
  model: 'artmint-tiny',
  prompt: 'a red circle',
  seed: 42,
  attempts: 0,
  artworks: [],
  error: null,
  createdAt: '2026-12-01T10:00:00Z',
  finishedAt: null,
  ...overrides,
});

const artwork = (id: string, imageIndex: number): Artwork =>
  ({ id, imageIndex, jobId: 'job-1', seed: 42 + imageIndex, image: `/api/artworks/${id}/image`, thumbnail: `/api/artworks/${id}/thumbnail` }) as Artwork;

const fold = (actions: JobAction[], from: JobState = idleJob) => actions.reduce(jobReducer, from);

describe('jobReducer', () => {
  it('follows a job from the queue through its steps to its images one by one, then done', () => {
    let state = fold([{ type: 'attached', job: job() }, { type: 'connecting' }, { type: 'connected' }]);
    expect(state).toMatchObject({ jobId: 'job-1', phase: 'queued', position: 2, expected: 2, connection: 'open' });
    expect(isActive(state)).toBe(true);

    state = fold([{ type: 'queued', position: 1 }], state);
    expect(state.position).toBe(1);

    state = fold(
      [
        { type: 'progress', step: 1, total: 20, preview: null, at: 1_000 },
        { type: 'progress', step: 5, total: 20, preview: 'data:image/png;base64,AAA', at: 3_000 },
        { type: 'progress', step: 6, total: 20, preview: null, at: 3_500 },
      ],
      state,
    );
    expect(state).toMatchObject({ phase: 'running', position: null, step: 6, total: 20, preview: 'data:image/png;base64,AAA' });
    expect(percentOf(state)).toBe(30);
    // 5 steps took 2.5 s: 14 more take 7 s
    expect(etaSeconds(state)).toBeCloseTo(7);

    state = fold([{ type: 'image', artwork: artwork('b', 1) }], state);
    expect(state.images.map((image) => image.id)).toEqual(['b']);
    state = fold([{ type: 'image', artwork: artwork('a', 0) }, { type: 'image', artwork: artwork('b', 1) }], state);
    expect(state.images.map((image) => image.id)).toEqual(['a', 'b']);
    expect(state.phase).toBe('running');

    state = fold([{ type: 'done', artworks: ['a', 'b'] }], state);
    expect(state).toMatchObject({ phase: 'done', connection: 'closed', artworkIds: ['a', 'b'] });
    expect(percentOf(state)).toBe(100);
    expect(isActive(state)).toBe(false);
    expect(missingArtworks(state)).toEqual([]);
    // events after the end change nothing
    expect(fold([{ type: 'progress', step: 3, total: 20, preview: null, at: 9_000 }, { type: 'reconnecting' }], state)).toBe(state);
  });

  it('has no ETA before two steps, and restarts its rate when a retried attempt starts over', () => {
    let state = fold([{ type: 'attached', job: job({ status: 'RUNNING', step: 3 }) }]);
    expect(state).toMatchObject({ phase: 'running', step: 3 });
    expect(etaSeconds(state)).toBeUndefined();
    state = fold(
      [
        { type: 'progress', step: 10, total: 20, preview: null, at: 0 },
        { type: 'progress', step: 2, total: 20, preview: null, at: 5_000 },
      ],
      state,
    );
    expect(etaSeconds(state)).toBeUndefined();
    state = fold([{ type: 'progress', step: 4, total: 20, preview: null, at: 6_000 }], state);
    expect(etaSeconds(state)).toBeCloseTo(8);
  });

  it('shows reconnecting while the stream is down, and open again after', () => {
    const state = fold([{ type: 'attached', job: job({ status: 'RUNNING' }) }, { type: 'connected' }, { type: 'reconnecting' }]);
    expect(state.connection).toBe('reconnecting');
    expect(fold([{ type: 'connected' }], state).connection).toBe('open');
  });

  it('ends cancelled on a generation-cancelled problem, failed on any other', () => {
    const running = fold([{ type: 'attached', job: job({ status: 'RUNNING' }) }, { type: 'cancelling' }]);
    expect(running.cancelling).toBe(true);
    const cancelled = fold(
      [{ type: 'failed', problem: new ApiProblem(409, { type: 'urn:artmint:problem:generation-cancelled', title: 'Cancelled' }) }],
      running,
    );
    expect(cancelled).toMatchObject({ phase: 'cancelled', cancelling: false, connection: 'closed' });
    expect(cancelled.problem?.kind).toBe('generation-cancelled');
    const failed = fold(
      [{ type: 'failed', problem: new ApiProblem(500, { type: 'urn:artmint:problem:generation-failed', title: 'Failed', detail: 'disk full' }) }],
      running,
    );
    expect(failed).toMatchObject({ phase: 'failed' });
    expect(failed.problem?.detail).toBe('disk full');
  });

  it('attaches to a job that finished already: its artworks still to load, or why it ended', () => {
    const done = fold([{ type: 'attached', job: job({ status: 'SUCCEEDED', step: 20, artworks: ['a', 'b'] }) }]);
    expect(done).toMatchObject({ phase: 'done', artworkIds: ['a', 'b'], connection: 'closed' });
    expect(missingArtworks(done)).toEqual(['a', 'b']);
    expect(missingArtworks(fold([{ type: 'image', artwork: artwork('a', 0) }], done))).toEqual(['b']);

    const cancelled = fold([{ type: 'attached', job: job({ status: 'CANCELLED', error: 'cancelled by its owner' }) }]);
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.problem?.kind).toBe('generation-cancelled');
    expect(fold([{ type: 'attached', job: job({ status: 'FAILED', error: 'boom' }) }]).problem?.detail).toBe('boom');
  });

  it('starts over for another job, and keeps what it has for the same one', () => {
    const first = fold([{ type: 'attached', job: job({ status: 'RUNNING' }) }, { type: 'image', artwork: artwork('a', 0) }]);
    expect(fold([{ type: 'attached', job: job({ status: 'RUNNING', step: 9 }) }], first).images).toHaveLength(1);
    expect(fold([{ type: 'attached', job: job({ id: 'job-2' }) }], first)).toMatchObject({ jobId: 'job-2', images: [], phase: 'queued' });
  });
});

/** A fake server: each call answers the next scripted event stream and records the headers it was sent. */
function scriptedServer(streams: string[]) {
  const requests: Record<string, string>[] = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ ...(init?.headers as Record<string, string>) });
    const body = streams[requests.length - 1];
    if (body === undefined) return new Response('{"type":"urn:artmint:problem:not-found","title":"Not found"}', { status: 404 });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const event = (id: number, name: string, data: unknown) => `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

describe('streamJob', () => {
  it('reconnects after a drop with a fresh token and Last-Event-ID, and follows the job to its end', async () => {
    const server = scriptedServer([
      event(1, 'queued', { position: 1 }) + event(2, 'progress', { step: 5, total: 20, preview: null }),
      event(3, 'progress', { step: 20, total: 20, preview: null }) +
        event(4, 'image', artwork('a', 0)) +
        event(4, 'image', artwork('a', 0)) +
        event(5, 'done', { artworks: ['a'] }),
    ]);
    let tokens = 0;
    const actions: JobAction[] = [];
    const finished = new Promise<void>((resolve) => {
      streamJob('job-1', (action) => {
        actions.push(action);
        if (action.type === 'done') resolve();
      }, { fetch: server.fetch, headers: async () => ({ Authorization: `Bearer token-${++tokens}` }), retryDelays: [0] });
    });
    await finished;

    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]['Authorization']).toBe('Bearer token-1');
    expect(server.requests[0]['last-event-id']).toBeUndefined();
    expect(server.requests[1]['Authorization']).toBe('Bearer token-2');
    expect(server.requests[1]['last-event-id']).toBe('2');
    expect(actions.map((action) => action.type)).toEqual([
      'connecting', 'connected', 'queued', 'progress', 'reconnecting', 'connected', 'progress', 'image', 'image', 'done',
    ]);
    const state = fold([{ type: 'attached', job: job({ count: 1 }) }, ...actions]);
    expect(state).toMatchObject({ phase: 'done', connection: 'closed', artworkIds: ['a'] });
    expect(state.images.map((image) => image.id)).toEqual(['a']);
  });

  it('asks for the job when a reconnection hears 204 (the last event was sent) before that event arrived', async () => {
    const streams = [event(1, 'progress', { step: 5, total: 20, preview: null })];
    const requests: Record<string, string>[] = [];
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({ ...(init?.headers as Record<string, string>) });
      const body = streams[requests.length - 1];
      return body === undefined
        ? new Response(null, { status: 204 })
        : new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }) as typeof globalThis.fetch;
    const actions: JobAction[] = [];
    await new Promise<void>((resolve) => {
      streamJob('job-1', (action) => actions.push(action), { fetch, headers: async () => ({}), retryDelays: [0], onOver: resolve });
    });
    expect(requests).toHaveLength(2);
    expect(requests[1]['last-event-id']).toBe('1');
    expect(actions.map((action) => action.type)).toEqual(['connecting', 'connected', 'progress', 'reconnecting']);
  });

  it('stops, without retrying, when the server refuses the stream', async () => {
    const server = scriptedServer([]);
    const actions: JobAction[] = [];
    await new Promise<void>((resolve) => {
      streamJob('job-1', (action) => {
        actions.push(action);
        if (action.type === 'unfollowable') resolve();
      }, { fetch: server.fetch, headers: async () => ({}), retryDelays: [0] });
    });
    expect(server.requests).toHaveLength(1);
    const last = actions.at(-1);
    expect(last?.type === 'unfollowable' && last.problem.kind).toBe('not-found');
  });

  it('stops following when asked to', async () => {
    const server = scriptedServer([event(1, 'queued', { position: 3 })]);
    const actions: JobAction[] = [];
    const stop = streamJob('job-1', (action) => actions.push(action), { fetch: server.fetch, headers: async () => ({}), retryDelays: [50] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });
});
