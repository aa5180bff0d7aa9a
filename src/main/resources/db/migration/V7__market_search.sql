-- Marketplace reads: the search index, the keyset indexes that browsing walks, and when the indexer saw each
-- ownership change (so transfers made outside the platform take their place in an artwork's history).

-- One row per published artwork: the lexemes of its title, prompt and description as Lucene's analysers cut them
-- (stemmed English words, CJK bigrams and single characters), stored as they are, without PostgreSQL's parser.
create table artwork_search (
    artwork_id uuid     primary key references artwork (id),
    document   tsvector not null
);
create index artwork_search_document on artwork_search using gin (document);

-- each browse order is a walk down one of these, never a sort of every active listing
create index listing_active_newest on listing (created_at desc, id desc) where status = 'ACTIVE';
create index listing_active_price on listing (price_wei, id) where status = 'ACTIVE';
create index artwork_public_popular on artwork (like_count desc, id desc) where published and not hidden;
create index artwork_public_by_creator on artwork (creator_id, published_at desc, id desc) where published and not hidden;
create index sale_seller on sale (seller_id);

-- the chain's Transfer events carry no time; the indexer follows the chain within a poll interval
alter table ownership_change add column indexed_at timestamptz not null default now();
