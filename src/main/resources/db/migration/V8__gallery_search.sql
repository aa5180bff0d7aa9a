-- The creator's gallery: every artwork of a creator, published or not, found by the lexemes of its prompt (and of
-- its title and description once published) as Lucene's analysers cut them, the same way as the market's search.
-- A row is written in the transaction that commits its artwork and rewritten when the artwork is published.
create table artwork_prompt_search (
    artwork_id uuid        primary key references artwork (id),
    creator_id uuid        not null references app_user (id),
    created_at timestamptz not null,
    document   tsvector    not null
);
create index artwork_prompt_search_document on artwork_prompt_search using gin (document);
-- a search walks the creator's rows newest first, or starts from the GIN index when the terms are rare
create index artwork_prompt_search_creator on artwork_prompt_search (creator_id, created_at desc, artwork_id desc);
-- the gallery without a query pages down the creator's artworks by this key
create index artwork_by_creator on artwork (creator_id, created_at desc, id desc);
