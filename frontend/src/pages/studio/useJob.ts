import { useCallback, useEffect, useReducer, useRef } from 'react';
import { api, authHeaders } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { Artwork, Job } from '../../api/types';
import { idleJob, jobReducer, missingArtworks, streamJob } from './jobStream';

/**
 * The job named in the page's address, followed live: a job just submitted is adopted as the API answered it,
 * any other (after a reload, in a second tab) is read first, then followed while it runs.
 */
export function useJob(jobId: string | null) {
  const [state, dispatch] = useReducer(jobReducer, idleJob);
  const adopted = useRef<Job | null>(null);
  const requested = useRef(new Set<string>());

  useEffect(() => {
    dispatch({ type: 'reset' });
    requested.current.clear();
    if (!jobId) return;
    const controller = new AbortController();
    let stop: (() => void) | undefined;
    const read = () =>
      api<Job>(`/api/generations/${encodeURIComponent(jobId)}`, { signal: controller.signal })
        .then(follow)
        .catch((error: unknown) => {
          if (!controller.signal.aborted) dispatch({ type: 'unfollowable', problem: asProblem(error) });
        });
    const follow = (job: Job) => {
      dispatch({ type: 'attached', job });
      if (job.status === 'QUEUED' || job.status === 'RUNNING') {
        stop = streamJob(job.id, dispatch, { headers: authHeaders, onOver: () => void read() });
      }
    };
    if (adopted.current?.id === jobId) {
      follow(adopted.current);
    } else {
      void read();
    }
    return () => {
      controller.abort();
      stop?.();
    };
  }, [jobId]);

  // artworks made before this page attached, or that no image event brought, are read one by one
  const missing = missingArtworks(state).join(',');
  useEffect(() => {
    for (const id of missing.split(',')) {
      if (id === '' || requested.current.has(id)) continue;
      requested.current.add(id);
      api<Artwork>(`/api/artworks/${encodeURIComponent(id)}`)
        .then((artwork) => dispatch({ type: 'image', artwork }))
        .catch(() => requested.current.delete(id));
    }
  }, [missing]);

  const adopt = useCallback((job: Job) => {
    adopted.current = job;
  }, []);

  const cancel = useCallback(async () => {
    if (!state.jobId) return;
    dispatch({ type: 'cancelling' });
    let job: Job;
    try {
      job = await api<Job>(`/api/generations/${encodeURIComponent(state.jobId)}`, { method: 'DELETE' });
    } catch (error) {
      dispatch({ type: 'cancelRefused' });
      throw error;
    }
    if (job.status === 'CANCELLED' || job.status === 'SUCCEEDED' || job.status === 'FAILED') {
      dispatch({ type: 'attached', job });
    }
  }, [state.jobId]);

  return { state, adopt, cancel };
}

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : ApiProblem.offline(error);
}
