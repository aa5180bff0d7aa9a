-- Each user's custodial wallet; the private key is AES-256-GCM encrypted under the master key.
create table wallet (
    user_id       uuid        primary key references app_user (id),
    address       varchar(42) not null unique,
    encrypted_key bytea       not null,
    created_at    timestamptz not null
);

-- External addresses a user proved to control by signing a Sign-In with Ethereum message.
create table linked_address (
    id        uuid        primary key,
    user_id   uuid        not null references app_user (id),
    address   varchar(42) not null,
    linked_at timestamptz not null,
    unique (user_id, address)
);

-- Server-issued SIWE nonces; each can be used once, before it expires.
create table siwe_nonce (
    nonce      varchar(32) primary key,
    user_id    uuid        not null references app_user (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
