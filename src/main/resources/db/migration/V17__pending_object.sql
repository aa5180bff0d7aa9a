-- The objects a worker stores for an artwork before the artwork's row commits. A worker that dies in between cannot
-- remove them; the next claim of its job does, unless an artwork references them by then.
create table pending_object (
    job_id     uuid         not null references generation_job (id),
    object_key varchar(300) not null,
    created_at timestamptz  not null default now(),
    primary key (job_id, object_key)
);
create index pending_object_key on pending_object (object_key);
