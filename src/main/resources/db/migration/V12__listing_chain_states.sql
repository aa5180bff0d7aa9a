-- A MARKET listing is LISTING while its list transaction is being sent and WITHDRAWING while its cancel is not mined;
-- neither is buyable, and each still holds the artwork's one open listing.
drop index listing_one_active;
create unique index listing_one_open on listing (artwork_id) where status in ('LISTING', 'ACTIVE', 'WITHDRAWING');
create index listing_open_token on listing (token_id) where status in ('LISTING', 'ACTIVE', 'WITHDRAWING');

-- What the chain indexer's ArtMarket and Transfer events did to listings (a sale or cancel outside the platform, a
-- stale listing closed), with what each listing was before, so that a reorganisation undoes exactly that.
create table listing_effect (
    id                 bigserial      primary key,
    block_number       bigint         not null,
    log_index          bigint         not null,
    listing_id         uuid           not null references listing (id),
    previous_status    varchar(16)    not null,
    previous_price_wei numeric(78, 0) not null,
    previous_closed_at timestamptz,
    activity_id        bigint         references artwork_activity (id) on delete set null
);
create index listing_effect_block on listing_effect (block_number);

-- A creator's mint request between its checks and its transaction in the outbox: the checks run under the artwork's
-- row lock, the mint is sent after that transaction commits, and a second request meanwhile is refused by this row.
create table mint_claim (
    artwork_id uuid        primary key references artwork (id),
    claimed_at timestamptz not null
);
