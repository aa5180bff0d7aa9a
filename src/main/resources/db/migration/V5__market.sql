-- The marketplace: what a creator publishes, listings, purchases and the sales the chain settled, the activity
-- of each artwork, and likes. Money is wei in numeric(78, 0); token ids are uint256 in numeric(78, 0).

-- uint256 of a 0x-prefixed 32-byte hex string, for the token ids of artworks written before this migration
create function artmint_hex_to_numeric(hex text) returns numeric language plpgsql immutable strict as $$
declare
    result numeric := 0;
    i      integer;
begin
    for i in 3 .. length(hex) loop
        result := result * 16 + (position(lower(substr(hex, i, 1)) in '0123456789abcdef') - 1);
    end loop;
    return result;
end
$$;

alter table artwork
    add column token_id     numeric(78, 0),
    add column title        varchar(120),
    add column description  text,
    add column licence      varchar(16),
    add column royalty_bps  integer,
    add column published_at timestamptz,
    add column like_count   integer not null default 0;
update artwork set token_id = artmint_hex_to_numeric(provenance_hash);
alter table artwork alter column token_id set not null;
-- the same image generated twice has the same provenance only if everything, the time included, is equal
create unique index artwork_token on artwork (token_id);
alter table artwork add constraint artwork_royalty check (royalty_bps between 0 and 1000);
alter table artwork add constraint artwork_licence check (licence in ('PERSONAL', 'COMMERCIAL'));

-- A price asked for an artwork by its current owner. An unminted artwork is sold by the creator's voucher
-- (lazy mint); a minted one through the ArtMarket contract, where the listing also exists on-chain.
create table listing (
    id             uuid primary key,
    artwork_id     uuid           not null references artwork (id),
    token_id       numeric(78, 0) not null,
    seller_id      uuid           not null references app_user (id),
    seller_address varchar(42)    not null,
    price_wei      numeric(78, 0) not null check (price_wei > 0),
    -- LAZY_MINT or MARKET
    kind           varchar(16)    not null,
    -- ACTIVE, SOLD or WITHDRAWN
    status         varchar(16)    not null,
    -- the latest ArtMarket list/updatePrice transaction of a MARKET listing; a purchase waits for it
    chain_tx_id    uuid           references chain_tx (id),
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null,
    closed_at      timestamptz
);
create unique index listing_one_active on listing (artwork_id) where status = 'ACTIVE';
create index listing_seller on listing (seller_id, created_at desc);

-- A buyer's request to buy a listing, followed until the chain settles or refuses it.
create table purchase (
    id             uuid primary key,
    listing_id     uuid           not null references listing (id),
    buyer_id       uuid           not null references app_user (id),
    buyer_address  varchar(42)    not null,
    price_wei      numeric(78, 0) not null,
    -- PENDING (accepted, not sent), SUBMITTED (in the outbox), SETTLED, FAILED
    status         varchar(16)    not null,
    chain_tx_id    uuid           references chain_tx (id),
    failure_reason varchar(500),
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null,
    settled_at     timestamptz
);
-- of concurrent buyers exactly one gets a purchase in flight
create unique index purchase_one_open on purchase (listing_id) where status in ('PENDING', 'SUBMITTED');
create index purchase_open on purchase (created_at) where status in ('PENDING', 'SUBMITTED');
create index purchase_buyer on purchase (buyer_id, created_at desc);

-- A sale the chain settled, with the split its events reported (the balance changes it caused).
create table sale (
    id                  uuid primary key,
    purchase_id         uuid           not null unique references purchase (id),
    artwork_id          uuid           not null references artwork (id),
    token_id            numeric(78, 0) not null,
    seller_id           uuid           not null references app_user (id),
    buyer_id            uuid           not null references app_user (id),
    seller_address      varchar(42)    not null,
    buyer_address       varchar(42)    not null,
    price_wei           numeric(78, 0) not null,
    royalty_receiver    varchar(42),
    royalty_wei         numeric(78, 0) not null,
    fee_recipient       varchar(42)    not null,
    fee_wei             numeric(78, 0) not null,
    seller_proceeds_wei numeric(78, 0) not null,
    primary_sale        boolean        not null,
    tx_hash             varchar(66)    not null,
    block_number        bigint         not null,
    created_at          timestamptz    not null
);
create index sale_artwork on sale (artwork_id, created_at);

-- What happened to an artwork on the platform (generated, published, listed, repriced, withdrawn, sold, minted,
-- transferred by the platform). Transfers made outside the platform come from the indexer's ownership_change.
create table artwork_activity (
    id           bigserial      primary key,
    artwork_id   uuid           not null references artwork (id),
    kind         varchar(16)    not null,
    actor_id     uuid           references app_user (id),
    from_address varchar(42),
    to_address   varchar(42),
    price_wei    numeric(78, 0),
    tx_hash      varchar(66),
    created_at   timestamptz    not null
);
create index artwork_activity_artwork on artwork_activity (artwork_id, id);

create table artwork_like (
    artwork_id uuid        not null references artwork (id),
    user_id    uuid        not null references app_user (id),
    created_at timestamptz not null,
    primary key (artwork_id, user_id)
);
create index artwork_like_user on artwork_like (user_id, created_at desc);
