import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAuth } from '../../auth/useAuth';
import type { Wallet } from '../gallery/api';
import { galleryKeys } from '../gallery/api';

export type { Wallet };

/** One outbox transaction of GET /api/me/wallet/transactions. */
export interface WalletTransaction {
  id: string;
  hash: string;
  status: 'REQUESTED' | 'SENT' | 'MINED' | 'CONFIRMED' | 'FAILED';
  from: string;
  to: string | null;
  nonce: number;
  blockNumber: number | null;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/me/wallet/siwe-nonce: what the EIP-4361 message must say. */
export interface SiweChallenge {
  nonce: string;
  domain: string;
  uri: string;
  chainId: number;
  issuedAt: string;
  expiresAt: string;
}

export const walletKeys = {
  wallet: galleryKeys.wallet,
  transactions: [...galleryKeys.wallet, 'transactions'] as const,
};

const POLL_MS = 2000;

export function isPending(tx: WalletTransaction): boolean {
  return tx.status !== 'CONFIRMED' && tx.status !== 'FAILED';
}

/** The wallet; read again every couple of seconds while a transaction of it is pending. */
export function useWallet(pending: boolean) {
  const { authenticated } = useAuth();
  return useQuery({
    queryKey: walletKeys.wallet,
    queryFn: () => api<Wallet>('/api/me/wallet'),
    enabled: authenticated,
    refetchInterval: pending ? POLL_MS : false,
  });
}

export function useTransactions() {
  const { authenticated } = useAuth();
  return useQuery({
    queryKey: walletKeys.transactions,
    queryFn: () => api<WalletTransaction[]>('/api/me/wallet/transactions'),
    enabled: authenticated,
    refetchInterval: (query) => (query.state.data?.some(isPending) ? POLL_MS : false),
  });
}
