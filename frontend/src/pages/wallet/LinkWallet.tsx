import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getAddress, hexlify, toUtf8Bytes } from 'ethers';
import { api } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { walletKeys, type SiweChallenge } from './api';
import { SIWE_STATEMENT, siweMessage } from './siwe';

/** The part of EIP-1193 that linking needs: what MetaMask, Rabby and other wallets inject as `window.ethereum`. */
interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

declare global {
  interface Window {
    ethereum?: Eip1193Provider;
  }
}

class ProviderError extends Error {
  constructor(readonly declined: boolean, message: string) {
    super(message);
  }
}

async function ask<T>(provider: Eip1193Provider, method: string, params?: unknown[]): Promise<T> {
  try {
    return (await provider.request({ method, params })) as T;
  } catch (error) {
    const code = (error as { code?: number }).code;
    throw new ProviderError(code === 4001, (error as Error).message ?? String(error));
  }
}

/**
 * Links the browser wallet's address: the server's nonce goes into an EIP-4361 message, the wallet signs it with
 * personal_sign, and the server checks the signature.
 */
export function LinkWallet() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [provider] = useState(() => (typeof window === 'undefined' ? undefined : window.ethereum));
  const link = useMutation({
    mutationFn: async () => {
      if (!provider) throw new Error('no provider');
      const accounts = await ask<string[]>(provider, 'eth_requestAccounts');
      if (!accounts[0]) throw new ProviderError(true, 'no account');
      const address = getAddress(accounts[0]);
      const challenge = await api<SiweChallenge>('/api/me/wallet/siwe-nonce', { method: 'POST' });
      const message = siweMessage(challenge, address, SIWE_STATEMENT);
      const signature = await ask<string>(provider, 'personal_sign', [hexlify(toUtf8Bytes(message)), address]);
      return api<{ address: string }>('/api/me/wallet/links', { method: 'POST', body: { message, signature } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: walletKeys.wallet }),
  });
  if (!provider) return <p className="hint">{t('wallet.link.noProvider')}</p>;
  return (
    <div>
      <button type="button" onClick={() => link.mutate()} disabled={link.isPending}>
        {link.isPending ? t('wallet.link.linking') : t('wallet.link.button')}
      </button>
      {link.isSuccess && <p role="status">{t('wallet.link.linked', { address: link.data.address })}</p>}
      {link.error instanceof ProviderError ? (
        <p className="problem" role="alert">
          {link.error.declined ? t('wallet.link.declined') : t('wallet.link.failed', { message: link.error.message })}
        </p>
      ) : (
        <ProblemMessage error={link.error} />
      )}
    </div>
  );
}
