-- The re-generation of a verification, queued for the studio's workers and then kept as the cached result, one row
-- per provenance record (its keccak-256 hash): a second verification of the same record runs no generation.
create table verification (
    provenance_hash varchar(66)  primary key,
    record_json     text         not null,
    -- QUEUED, RUNNING (under a worker's lease) or DONE
    status          varchar(16)  not null,
    -- of the reproduction check once DONE: PASSED or FAILED (a SKIPPED one is asked again at the next request)
    outcome         varchar(16),
    detail          text,
    -- the synchronous byte checks of the latest request, as JSON
    checks          jsonb        not null,
    attempts        integer      not null default 0,
    lease_owner     varchar(300),
    lease_until     timestamptz,
    requested_at    timestamptz  not null,
    finished_at     timestamptz,
    constraint verification_status check (status in ('QUEUED', 'RUNNING', 'DONE')),
    constraint verification_outcome check (outcome in ('PASSED', 'FAILED', 'SKIPPED'))
);

create index verification_waiting on verification (requested_at) where status <> 'DONE';
