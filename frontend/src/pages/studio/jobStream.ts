import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source';
import { ApiProblem } from '../../api/problem';
import type { Artwork, Job } from '../../api/types';

/**
 * A generation job as the studio follows it: the job's own state, folded from its Server-Sent Events by a pure
 * reducer, and the stream that feeds it (with a fresh token on every connection and a resume after a drop).
 */
export type JobPhase = 'idle' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type Connection = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

interface Sample {
  step: number;
  at: number;
}

export interface JobState {
  jobId: string | null;
  phase: JobPhase;
  connection: Connection;
  position: number | null;
  step: number;
  total: number;
  preview: string | null;
  /** How many images the job makes. */
  expected: number;
  /** The images made so far, one per artwork, in the job's order. */
  images: Artwork[];
  /** The artworks the job reported when it finished. */
  artworkIds: string[];
  /** Why the job failed or was cancelled, or why it can no longer be followed. */
  problem: ApiProblem | null;
  cancelling: boolean;
  /** First and latest step seen with their times, for the rate of steps. */
  firstSample: Sample | null;
  lastSample: Sample | null;
}

export type JobAction =
  | { type: 'reset' }
  | { type: 'attached'; job: Job }
  | { type: 'connecting' }
  | { type: 'connected' }
  | { type: 'reconnecting' }
  | { type: 'queued'; position: number }
  | { type: 'progress'; step: number; total: number; preview: string | null; at: number }
  | { type: 'image'; artwork: Artwork }
  | { type: 'done'; artworks: string[] }
  | { type: 'failed'; problem: ApiProblem }
  | { type: 'cancelling' }
  | { type: 'cancelRefused' }
  | { type: 'unfollowable'; problem: ApiProblem };

export const idleJob: JobState = {
  jobId: null,
  phase: 'idle',
  connection: 'idle',
  position: null,
  step: 0,
  total: 0,
  preview: null,
  expected: 0,
  images: [],
  artworkIds: [],
  problem: null,
  cancelling: false,
  firstSample: null,
  lastSample: null,
};

export function isActive(state: JobState): boolean {
  return state.phase === 'queued' || state.phase === 'running';
}

function finished(phase: JobPhase): boolean {
  return phase === 'done' || phase === 'failed' || phase === 'cancelled';
}

export function jobReducer(state: JobState, action: JobAction): JobState {
  switch (action.type) {
    case 'reset':
      return idleJob;
    case 'attached': {
      const job = action.job;
      const base = state.jobId === job.id ? state : { ...idleJob, jobId: job.id };
      const next: JobState = {
        ...base,
        expected: job.count,
        total: job.totalSteps || base.total,
        artworkIds: job.artworks.length > 0 ? job.artworks : base.artworkIds,
      };
      switch (job.status) {
        case 'QUEUED':
          return { ...next, phase: 'queued', position: job.queuePosition };
        case 'RUNNING':
          return { ...next, phase: 'running', position: null, step: Math.max(base.step, job.step) };
        case 'SUCCEEDED':
          return { ...next, phase: 'done', connection: 'closed', step: next.total };
        case 'FAILED':
        case 'CANCELLED': {
          const kind = job.status === 'FAILED' ? 'generation-failed' : 'generation-cancelled';
          const problem = new ApiProblem(job.status === 'FAILED' ? 500 : 409, {
            type: `urn:artmint:problem:${kind}`,
            title: kind,
            detail: job.error ?? undefined,
          });
          const phase = job.status === 'FAILED' ? 'failed' : 'cancelled';
          return { ...next, phase, connection: 'closed', problem, cancelling: false };
        }
      }
      return next;
    }
    case 'connecting':
      return finished(state.phase) ? state : { ...state, connection: 'connecting' };
    case 'connected':
      return finished(state.phase) ? state : { ...state, connection: 'open' };
    case 'reconnecting':
      return finished(state.phase) ? state : { ...state, connection: 'reconnecting' };
    case 'queued':
      return finished(state.phase) ? state : { ...state, phase: 'queued', position: action.position };
    case 'progress': {
      if (finished(state.phase)) return state;
      const sample = { step: action.step, at: action.at };
      // a retried attempt starts its steps again: so does the rate
      const restarted = state.lastSample !== null && action.step < state.lastSample.step;
      return {
        ...state,
        phase: 'running',
        position: null,
        step: action.step,
        total: action.total,
        preview: action.preview ?? state.preview,
        firstSample: state.firstSample === null || restarted ? sample : state.firstSample,
        lastSample: sample,
      };
    }
    case 'image': {
      // a late answer for a job no longer shown
      if (state.jobId !== null && action.artwork.jobId && action.artwork.jobId !== state.jobId) return state;
      if (state.images.some((image) => image.id === action.artwork.id)) return state;
      const images = [...state.images, action.artwork].sort((a, b) => a.imageIndex - b.imageIndex);
      return { ...state, images, phase: finished(state.phase) ? state.phase : 'running', position: null };
    }
    case 'done':
      return { ...state, phase: 'done', connection: 'closed', step: state.total, artworkIds: action.artworks, cancelling: false };
    case 'failed': {
      const phase = action.problem.kind === 'generation-cancelled' ? 'cancelled' : 'failed';
      return { ...state, phase, connection: 'closed', problem: action.problem, cancelling: false };
    }
    case 'cancelling':
      return isActive(state) ? { ...state, cancelling: true } : state;
    case 'cancelRefused':
      return { ...state, cancelling: false };
    case 'unfollowable':
      return { ...state, connection: 'closed', problem: action.problem };
  }
}

/** Percent of the steps done, 100 once the job is done. */
export function percentOf(state: JobState): number {
  if (state.phase === 'done') return 100;
  return state.total > 0 ? Math.min(100, Math.floor((state.step / state.total) * 100)) : 0;
}

/** Seconds left at the rate the steps came so far; undefined until two steps were seen. */
export function etaSeconds(state: JobState): number | undefined {
  const { firstSample: first, lastSample: last } = state;
  if (state.phase !== 'running' || !first || !last || last.step <= first.step) return undefined;
  const perStep = (last.at - first.at) / (last.step - first.step);
  return (Math.max(0, state.total - state.step) * perStep) / 1000;
}

/** Artworks the job reported at its end that no `image` event brought. */
export function missingArtworks(state: JobState): string[] {
  return state.artworkIds.filter((id) => !state.images.some((image) => image.id === id));
}

/** The action an event of the job's stream stands for, or undefined for one the studio does not use. */
export function actionOf(message: EventSourceMessage, at: number): JobAction | undefined {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(message.data) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  switch (message.event) {
    case 'queued':
      return { type: 'queued', position: Number(data.position) };
    case 'progress':
      return {
        type: 'progress',
        step: Number(data.step),
        total: Number(data.total),
        preview: typeof data.preview === 'string' ? data.preview : null,
        at,
      };
    case 'image':
      return { type: 'image', artwork: data as unknown as Artwork };
    case 'done':
      return { type: 'done', artworks: Array.isArray(data.artworks) ? (data.artworks as string[]) : [] };
    case 'failed':
      return { type: 'failed', problem: new ApiProblem(typeof data.status === 'number' ? data.status : 500, data) };
    default:
      return undefined;
  }
}

export interface StreamOptions {
  /** The headers of an authenticated call, asked for again before each connection. */
  headers: () => Promise<Record<string, string>>;
  fetch?: typeof fetch;
  now?: () => number;
  /** Waits before the 1st, 2nd, ... reconnection; the last one repeats. */
  retryDelays?: number[];
  /** The server says the stream is over (204) although its last event never arrived here: read the job instead. */
  onOver?: () => void;
}

/** A refusal that reconnecting cannot change (not found, forbidden). */
class Unfollowable extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message);
  }
}

/** 204 to a reconnection: the job's last event was sent already. */
class StreamOver extends Error {}

/**
 * Follows a job's events until it is done, failed or cancelled, reconnecting after a drop; answers the function
 * that stops following. The stream library sends Last-Event-ID on a reconnection once events carried ids, so the
 * server resumes without repeats; image events are de-duplicated by the reducer all the same.
 */
export function streamJob(jobId: string, dispatch: (action: JobAction) => void, options: StreamOptions): () => void {
  const controller = new AbortController();
  const baseFetch = options.fetch ?? window.fetch.bind(window);
  const now = options.now ?? Date.now;
  const delays = options.retryDelays ?? [1000, 2000, 4000, 8000];
  let ended = false;
  let failures = 0;
  dispatch({ type: 'connecting' });
  fetchEventSource(`/api/generations/${encodeURIComponent(jobId)}/events`, {
    signal: controller.signal,
    openWhenHidden: true,
    // never a token in the URL: a fresh one in the header of each connection
    fetch: async (input, init) =>
      baseFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(await options.headers()) } }),
    async onopen(response) {
      if (response.status === 204) throw new StreamOver('the job has no more events');
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && type.startsWith('text/event-stream')) {
        failures = 0;
        dispatch({ type: 'connected' });
        return;
      }
      const problem = await ApiProblem.from(response);
      const lasting = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw lasting ? new Unfollowable(problem) : problem;
    },
    onmessage(message) {
      const action = actionOf(message, now());
      if (!action) return;
      if (action.type === 'done' || action.type === 'failed') ended = true;
      dispatch(action);
    },
    onclose() {
      // the server ends the stream after the job's last event; an earlier end is a drop
      if (!ended) throw new Error('the event stream ended before the job did');
    },
    onerror(error) {
      // after the job's last event nothing is left to hear
      if (error instanceof Unfollowable || error instanceof StreamOver || ended) throw error;
      dispatch({ type: 'reconnecting' });
      return delays[Math.min(failures++, delays.length - 1)];
    },
  }).catch((error: unknown) => {
    if (error instanceof Unfollowable) dispatch({ type: 'unfollowable', problem: error.problem });
    else if (error instanceof StreamOver && !ended) options.onOver?.();
  });
  return () => controller.abort();
}
