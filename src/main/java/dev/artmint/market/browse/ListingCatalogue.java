package dev.artmint.market.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.artmint.market.ArtworkImages;
import dev.artmint.market.CreatorRef;
import dev.artmint.market.KeysetCursor;
import dev.artmint.market.MarketConfig;
import dev.artmint.platform.Sql;
import dev.artmint.studio.search.SearchTerms;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The active listings of published, visible artworks, filtered, searched and ordered, one keyset page at a time, each
 * page one SQL statement that selects only what a card shows.
 *
 * <p>Pages are cached in memory, serialised, for {@code artmint.market.cache-ttl} (a couple of seconds): a page has no
 * per-caller field, so the same answer serves everyone, and prices, likes and new listings show up at most that much
 * later.
 */
@ApplicationScoped
public class ListingCatalogue {

    static final String CACHE = "market-browse";

    private static final String SELECT = """
            select l.id, a.id, a.title, u.handle, u.display_name, a.model, l.price_wei, t.token_id is not null,
                   a.like_count, l.created_at
            from listing l
            join artwork a on a.id = l.artwork_id
            join app_user u on u.id = a.creator_id
            left join token_owner t on t.token_id = a.token_id
            where l.status = 'ACTIVE' and a.published and not a.hidden""";

    private final DataSource dataSource;
    private final Cache cache;
    private final ObjectMapper json;
    private final MarketConfig config;

    ListingCatalogue(DataSource dataSource, @CacheName(CACHE) Cache cache, ObjectMapper json, MarketConfig config) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.json = json;
        this.config = config;
    }

    /**
     * The page a query asks for, as JSON: from memory when an equal query was answered moments ago, without leaving the
     * calling (event loop) thread; otherwise read on a worker thread.
     */
    public Uni<byte[]> browse(BrowseQuery query) {
        return cache.getAsync(
                query,
                key -> Uni.createFrom()
                        .item(() -> json(load(key)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private byte[] json(ListingPage page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a listing page always serialises", e);
        }
    }

    /** One SQL statement and what it binds, in order. */
    record PageSql(String sql, List<Object> parameters) {}

    private ListingPage load(BrowseQuery query) {
        if (query.findsNothing()) {
            return new ListingPage(List.of(), null);
        }
        List<ListingCard> cards = query(statement(query));
        if (cards.size() <= query.limit()) {
            return new ListingPage(cards, null);
        }
        List<ListingCard> page = List.copyOf(cards.subList(0, query.limit()));
        ListingCard last = page.getLast();
        BrowseSort sort = query.sort();
        return new ListingPage(
                page,
                KeysetCursor.encode(
                        sort.parameter(), sort.key(last), sort.keyedByArtwork() ? last.artworkId() : last.listingId()));
    }

    /**
     * The statement of a page: fixed SQL fragments for the filters present, every value bound. A search that matches
     * few artworks starts from the search index (the matches are fetched first, and the page is read for those); a
     * broad one walks the order's index and checks each artwork, which finds a page within a few hundred rows. Either
     * way a search page costs a bounded amount of work.
     */
    PageSql statement(BrowseQuery query) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> parameters = new ArrayList<>();
        if (!query.terms().isEmpty()) {
            String tsquery = SearchTerms.tsquery(query.terms());
            List<UUID> matches = matches(tsquery);
            if (matches.size() < config.search().narrowBelow()) {
                sql.append(" and a.id = any(cast(? as uuid[]))");
                parameters.add(matches.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
            } else {
                sql.append(" and exists (select 1 from artwork_search s where s.artwork_id = a.id and s.document @@ "
                        + "cast(? as tsquery))");
                parameters.add(tsquery);
            }
        }
        if (query.creator() != null) {
            sql.append(" and u.handle = ?");
            parameters.add(query.creator());
        }
        if (query.model() != null) {
            sql.append(" and a.model = ?");
            parameters.add(query.model());
        }
        if (query.minPriceWei() != null) {
            sql.append(" and l.price_wei >= ?");
            parameters.add(new BigDecimal(query.minPriceWei()));
        }
        if (query.maxPriceWei() != null) {
            sql.append(" and l.price_wei <= ?");
            parameters.add(new BigDecimal(query.maxPriceWei()));
        }
        if (query.minted() != null) {
            sql.append(query.minted() ? " and t.token_id is not null" : " and t.token_id is null");
        }
        BrowseSort sort = query.sort();
        if (query.after() != null) {
            sql.append(" and ").append(sort.after());
            parameters.add(query.after().key());
            parameters.add(query.after().id());
        }
        sql.append(" order by ").append(sort.orderBy()).append(" limit ?");
        // one row more than asked tells whether there is a next page
        parameters.add(query.limit() + 1);
        return new PageSql(sql.toString(), List.copyOf(parameters));
    }

    /** The artworks the search matches, as many as make it broad: all of them when it is narrow. */
    private List<UUID> matches(String tsquery) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(
                    connection,
                    "select artwork_id from artwork_search where document @@ cast(? as tsquery) limit ?",
                    Sql.parameters(tsquery, config.search().narrowBelow()),
                    row -> row.getObject(1, UUID.class));
        } catch (SQLException e) {
            throw new PersistenceException("searching the listings failed", e);
        }
    }

    private List<ListingCard> query(PageSql page) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<ListingCard> cards = query(connection, page);
                connection.commit();
                return cards;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("browsing the listings failed", e);
        }
    }

    private static List<ListingCard> query(Connection connection, PageSql page) throws SQLException {
        try (Statement setting = connection.createStatement()) {
            // a page is a short walk down one index: parallel workers would only add their start-up time
            setting.execute("set local max_parallel_workers_per_gather = 0");
        }
        return Sql.list(connection, page.sql(), Sql.parameters(page.parameters().toArray()), ListingCatalogue::card);
    }

    private static ListingCard card(ResultSet row) throws SQLException {
        UUID artworkId = row.getObject(2, UUID.class);
        return new ListingCard(
                row.getObject(1, UUID.class),
                artworkId,
                row.getString(3),
                new CreatorRef(row.getString(4), row.getString(5)),
                row.getString(6),
                row.getBigDecimal(7).toBigInteger().toString(),
                row.getBoolean(8),
                row.getInt(9),
                ArtworkImages.thumbnailUrl(artworkId),
                ArtworkImages.imageUrl(artworkId),
                row.getObject(10, OffsetDateTime.class).toInstant());
    }
}
