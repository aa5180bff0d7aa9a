-- People who use ArtMint, created from their OIDC token on their first authenticated request.
create table app_user (
    id           uuid primary key,
    subject      varchar(255) not null unique,
    handle       varchar(64)  not null unique,
    display_name varchar(200) not null,
    roles        varchar(32)[] not null default '{}',
    bio          varchar(500),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);
