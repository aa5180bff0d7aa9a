-- what a job's charge took from which pool, so that a refund goes back to that pool and that day's allowance;
-- jobs queued before this was recorded count as charged from the allowance of the day they were made
alter table generation_job add column charged_day date;
alter table generation_job add column charged_daily integer not null default 0;
alter table generation_job add column charged_granted integer not null default 0;
update generation_job set charged_day = (created_at at time zone 'UTC')::date, charged_daily = image_count;
alter table generation_job alter column charged_day set not null;
alter table generation_job alter column charged_daily drop default;
alter table generation_job alter column charged_granted drop default;
