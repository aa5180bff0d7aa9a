-- A lazy-mint purchase's voucher names its buyer and has a nonce of its own, recorded before the creator's wallet
-- signs it. When the purchase fails, or its listing changes, the creator's wallet cancels that nonce on chain
-- (cancelVoucher, through the outbox); voucher_cancel_tx_id is that transaction, signed again while it fails.
alter table purchase add column voucher_nonce numeric(78, 0);
alter table purchase add column voucher_cancel_tx_id uuid references chain_tx (id);
create index purchase_voucher_to_cancel on purchase (created_at) where status = 'FAILED' and voucher_nonce is not null;
