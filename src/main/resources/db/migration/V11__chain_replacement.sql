-- A stuck or refused transaction is signed again at its nonce: with higher fees (the hashes it had before are kept,
-- as any of them may still be mined), or as a zero-value self-transfer that frees the nonce (why, in cancel_reason).
alter table chain_tx add column replaced_hashes text not null default '';
alter table chain_tx add column cancel_reason varchar(500);
