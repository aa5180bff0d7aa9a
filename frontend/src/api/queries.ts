import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Credits, Me, Model } from './types';
import { useAuth } from '../auth/useAuth';

/** Queries several pages share; their keys are the cache's names for the caller's own data. */
export const keys = {
  me: ['me'] as const,
  credits: ['me', 'credits'] as const,
  models: ['models'] as const,
  artworks: (q: string) => ['me', 'artworks', q] as const,
  job: (id: string) => ['generations', id] as const,
};

export function useMe() {
  const { authenticated } = useAuth();
  return useQuery({ queryKey: keys.me, queryFn: () => api<Me>('/api/me'), enabled: authenticated, staleTime: 60_000 });
}

export function useCredits() {
  const { authenticated } = useAuth();
  return useQuery({
    queryKey: keys.credits,
    queryFn: () => api<Credits>('/api/me/credits'),
    enabled: authenticated,
    refetchInterval: 60_000,
  });
}

export function useModels() {
  const { authenticated } = useAuth();
  return useQuery({ queryKey: keys.models, queryFn: () => api<Model[]>('/api/models'), enabled: authenticated, staleTime: 300_000 });
}
