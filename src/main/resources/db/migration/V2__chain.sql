-- The transaction outbox: every transaction ArtMint sends, from request to confirmation or failure.
create table chain_tx (
    id                 uuid primary key,
    idempotency_key    varchar(200) not null unique,
    signer             varchar(42)  not null,
    nonce              bigint       not null,
    to_address         varchar(42),
    data               text         not null,
    value_wei          numeric(78, 0) not null,
    gas_limit          numeric(78, 0) not null,
    max_fee_per_gas    numeric(78, 0) not null,
    max_priority_fee   numeric(78, 0) not null,
    -- the signed transaction: a resend after a restart repeats exactly these bytes, so it can only execute once
    raw_tx             text         not null,
    tx_hash            varchar(66)  not null unique,
    status             varchar(16)  not null,
    block_number       bigint,
    block_hash         varchar(66),
    contract_address   varchar(42),
    gas_used           numeric(78, 0),
    failure_reason     varchar(500),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    unique (signer, nonce)
);
create index chain_tx_open on chain_tx (status) where status in ('REQUESTED', 'SENT', 'MINED');

-- The next nonce of each signing key; its row lock serialises nonce assignment across threads and processes.
create table chain_nonce (
    signer     varchar(42) primary key,
    next_nonce bigint      not null
);

-- Blocks the indexer has processed, with their hashes, to notice a reorganisation.
create table chain_block (
    number bigint      primary key,
    hash   varchar(66) not null
);

-- Who owns each token, as the chain's Transfer events say.
create table token_owner (
    token_id     numeric(78, 0) primary key,
    owner        varchar(42)    not null,
    block_number bigint         not null
);
create index token_owner_owner on token_owner (owner);

-- Every ownership change applied, with the owner before it, so a reorganisation can be undone.
create table ownership_change (
    id             bigserial      primary key,
    token_id       numeric(78, 0) not null,
    block_number   bigint         not null,
    log_index      bigint         not null,
    tx_hash        varchar(66)    not null,
    from_address   varchar(42)    not null,
    to_address     varchar(42)    not null,
    previous_owner varchar(42),
    unique (block_number, log_index)
);
create index ownership_change_token on ownership_change (token_id);
