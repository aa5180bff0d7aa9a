import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatEther } from '../../lib/wei';
import { galleryKeys, useClientConfig } from './api';

// Anvil's and Hardhat's chain id: the local chain, where the wallet's faucet exists
const LOCAL_CHAIN_ID = 31337;

/**
 * A refused request, in the reader's language: nothing when every field error shows next to its field, the amounts
 * of a 402, else the problem document.
 */
export function Refusal({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  if (!error) return null;
  if (error instanceof ApiProblem) {
    if (error.kind === 'insufficient-funds') return <FundsProblem problem={error} />;
    if (error.errors.length > 0 && error.errors.every((refused) => fields.some((field) => refused.field === field || refused.field.endsWith(`.${field}`)))) {
      return null;
    }
  }
  return <ProblemMessage error={error} />;
}

/** The localised message for a field the server refused, or undefined. */
export function refusedField(error: unknown, field: string, t: (key: string) => string): string | undefined {
  return error instanceof ApiProblem && error.fieldError(field) !== undefined ? t(`gallery.fieldRefused.${field}`) : undefined;
}

function FundsProblem({ problem }: { problem: ApiProblem }) {
  const { t } = useTranslation();
  const config = useClientConfig();
  const client = useQueryClient();
  const faucet = useMutation({
    mutationFn: () => api('/api/me/wallet/faucet', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: galleryKeys.wallet }),
  });
  const amount = (name: string) => {
    const value = problem.extensions[name];
    return typeof value === 'string' && /^\d+$/.test(value) ? t('common.eth', { amount: formatEther(value) }) : undefined;
  };
  const rows = [
    ['needed', amount('amountNeededWei')],
    ['balance', amount('balanceWei')],
    ['shortfall', amount('shortfallWei')],
  ].filter((row): row is [string, string] => row[1] !== undefined);
  return (
    <div className="problem" role="alert" data-testid="funds-problem">
      <strong>{t('gallery.funds.title')}</strong>
      {rows.length > 0 && (
        <dl className="amounts">
          {rows.map(([name, value]) => (
            <div key={name}>
              <dt>{t(`gallery.funds.${name}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>{t('gallery.funds.hint')}</p>
      {config.data?.chainId === LOCAL_CHAIN_ID && (
        <p>
          <button type="button" onClick={() => faucet.mutate()} disabled={faucet.isPending || faucet.isSuccess}>
            {faucet.isPending ? t('gallery.funds.funding') : t('gallery.funds.faucet')}
          </button>
        </p>
      )}
      {faucet.isSuccess && <p role="status">{t('gallery.funds.funded')}</p>}
      {faucet.error && <ProblemMessage error={faucet.error} />}
    </div>
  );
}
