import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Transaction } from '../gallery/api';
import { Refusal } from '../gallery/Refusal';
import { checkRecipient } from './recipient';
import { walletKeys, type Wallet } from './api';

export interface HeldToken {
  tokenId: string;
  title: string;
}

/**
 * The confirm step of sending a token out of the custodial wallet: the recipient is checked (EIP-55) and named
 * before anything is signed. To a linked address it is a withdrawal, anywhere else a transfer.
 */
export function SendDialog({ token, wallet, onClose }: { token: HeldToken; wallet: Wallet; onClose: (sent?: Transaction) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(wallet.linkedAddresses[0] ?? '');
  const [touched, setTouched] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const ids = { title: useId(), input: useId(), check: useId() };
  const check = checkRecipient(text, wallet.address, wallet.linkedAddresses);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const send = useMutation({
    mutationFn: (recipient: { address: string; linked: boolean }) =>
      recipient.linked
        ? api<Transaction>('/api/me/wallet/withdrawals', {
            method: 'POST',
            body: { tokenId: token.tokenId, to: recipient.address },
            headers: { 'Idempotency-Key': key },
          })
        : api<Transaction>(`/api/tokens/${token.tokenId}/transfer`, {
            method: 'POST',
            body: { to: recipient.address },
            headers: { 'Idempotency-Key': key },
          }),
    onSuccess: (tx) => {
      void client.invalidateQueries({ queryKey: walletKeys.wallet });
      onClose(tx);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (check.ok) send.mutate(check);
  };

  return (
    <dialog ref={dialog} className="send-dialog" aria-labelledby={ids.title} onClose={() => onClose()}>
      <form onSubmit={submit} noValidate>
        <h2 id={ids.title}>{t('wallet.send.title', { title: token.title })}</h2>
        <p>{t('wallet.send.token', { id: token.tokenId })}</p>
        {wallet.linkedAddresses.length > 0 && (
          <fieldset>
            <legend>{t('wallet.send.linked')}</legend>
            {wallet.linkedAddresses.map((address) => (
              <button key={address} type="button" className="link" onClick={() => setText(address)}>
                <code>{address}</code>
              </button>
            ))}
          </fieldset>
        )}
        <label className="field" htmlFor={ids.input}>
          <span>{t('wallet.send.recipient')}</span>
        </label>
        <input
          id={ids.input}
          className="address-input"
          value={text}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          aria-invalid={touched && !check.ok}
          aria-describedby={ids.check}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => setTouched(true)}
        />
        <div id={ids.check} aria-live="polite">
          {check.ok ? (
            <p className="recipient" data-testid="recipient">
              {check.linked ? t('wallet.send.toLinked') : t('wallet.send.toExternal')}
              <br />
              <code>{check.address}</code>
            </p>
          ) : (
            (touched || text !== '') && <p className="field-error">{t(`wallet.send.invalid.${check.reason}`)}</p>
          )}
        </div>
        <p className="hint">{t('wallet.send.gas')}</p>
        <Refusal error={send.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={!check.ok || send.isPending}>
            {send.isPending ? t('wallet.send.sending') : check.ok && !check.linked ? t('wallet.send.confirmTransfer') : t('wallet.send.confirmWithdraw')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('wallet.send.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
