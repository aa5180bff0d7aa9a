-- The studio: generation jobs (a durable queue), the artworks they make, and each user's credits.
create table generation_job (
    id               uuid primary key,
    user_id          uuid         not null references app_user (id),
    status           varchar(16)  not null,
    model            varchar(200) not null,
    prompt           text         not null,
    negative_prompt  text         not null,
    seed             bigint       not null,
    steps            integer      not null,
    guidance         double precision not null,
    width            integer      not null,
    height           integer      not null,
    image_count      integer      not null,
    scheduler        varchar(32)  not null,
    init_artwork_id  uuid,
    strength         double precision,
    attempts         integer      not null default 0,
    lease_owner      varchar(200),
    lease_until      timestamptz,
    run_after        timestamptz  not null,
    cancel_requested boolean      not null default false,
    progress_step    integer      not null default 0,
    progress_total   integer      not null default 0,
    engine_millis    bigint,
    error            text,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    finished_at      timestamptz
);

-- workers scan only what they may claim, oldest first
create index generation_job_claimable on generation_job (created_at) where status in ('QUEUED', 'RUNNING');
create index generation_job_user on generation_job (user_id, created_at);

create table artwork (
    id               uuid primary key,
    job_id           uuid         not null references generation_job (id),
    image_index      integer      not null,
    creator_id       uuid         not null references app_user (id),
    parent_id        uuid         references artwork (id),
    model            varchar(200) not null,
    seed             bigint       not null,
    width            integer      not null,
    height           integer      not null,
    image_key        varchar(300) not null,
    image_sha256     varchar(64)  not null,
    thumbnail_key    varchar(300) not null,
    provenance_key   varchar(300) not null,
    provenance_hash  varchar(66)  not null,
    provenance_json  text         not null,
    published        boolean      not null default false,
    hidden           boolean      not null default false,
    created_at       timestamptz  not null,
    -- a retried job never makes a second artwork for the same image
    constraint artwork_job_image unique (job_id, image_index)
);

create index artwork_creator on artwork (creator_id, created_at desc);

alter table generation_job add constraint generation_job_init_artwork foreign key (init_artwork_id) references artwork (id);

-- one row per user: credits used from today's allowance, and credits granted by an admin (kept until spent)
create table credit_account (
    user_id    uuid    primary key references app_user (id),
    day        date    not null,
    daily_used integer not null,
    granted    integer not null
);
