package dev.artmint.market.browse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.artmint.market.ArtworkPublished;
import dev.artmint.market.MarketConfig;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.studio.artwork.Artwork;
import dev.artmint.studio.artwork.GalleryIndex;
import dev.artmint.studio.search.SearchTerms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The search index of published artworks, one tsvector per artwork in {@code artwork_search}, built from its title,
 * prompt and description. It changes in the transaction that publishes an artwork (through {@link ArtworkPublished});
 * at start it indexes published artworks it does not have yet.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    private static final int BACKFILL_BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager entityManager;
    private final MarketConfig config;
    private final GalleryIndex gallery;

    SearchIndex(EntityManager entityManager, MarketConfig config, GalleryIndex gallery) {
        this.entityManager = entityManager;
        this.config = config;
        this.gallery = gallery;
    }

    /**
     * Runs inside the publisher's transaction, so the index and the artwork change together; the creator's gallery
     * search learns the new title and description in the same transaction.
     */
    void on(@Observes ArtworkPublished event) {
        index(event.artworkId());
        gallery.reindex(event.artworkId());
    }

    /** Best effort: a database that cannot be reached now must not stop the service from starting. */
    void onStart(@Observes StartupEvent event) {
        if (!config.search().backfillOnStart()) {
            return;
        }
        try {
            int indexed = backfill();
            if (indexed > 0) {
                LOG.infof("search: indexed %d published artworks that were not in the index", indexed);
            }
        } catch (PersistenceException e) {
            LOG.warnf(
                    "search: could not index the published artworks missing from the index (tried again at the next "
                            + "start): %s",
                    e.getMessage());
        }
    }

    /** Indexes an artwork as it is now: its terms when it is published, nothing otherwise. */
    @Transactional
    public void index(UUID artworkId) {
        Optional<Artwork> artwork = Artwork.<Artwork>findByIdOptional(artworkId).filter(found -> found.published);
        if (artwork.isEmpty()) {
            entityManager
                    .createNativeQuery("delete from artwork_search where artwork_id = ?1")
                    .setParameter(1, artworkId)
                    .executeUpdate();
            return;
        }
        Artwork found = artwork.get();
        write(artworkId, terms(found.title, found.provenanceJson, found.description));
    }

    /** Indexes every published artwork missing from the index; answers how many. */
    public int backfill() {
        int total = 0;
        while (true) {
            int indexed = QuarkusTransaction.requiringNew().call(this::backfillBatch);
            total += indexed;
            if (indexed < BACKFILL_BATCH) {
                return total;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private int backfillBatch() {
        List<Object[]> missing = entityManager
                .createNativeQuery("""
                select a.id, a.title, a.provenance_json, a.description from artwork a
                where a.published and not exists (select 1 from artwork_search s where s.artwork_id = a.id)
                limit ?1""")
                .setParameter(1, BACKFILL_BATCH)
                .getResultList();
        if (missing.isEmpty()) {
            return 0;
        }
        ArrayNode documents = JSON.createArrayNode();
        for (Object[] row : missing) {
            documents
                    .addArray()
                    .add(row[0].toString())
                    .add(String.join(" ", terms((String) row[1], (String) row[2], (String) row[3])));
        }
        // a batch in one statement: the documents travel as one JSON parameter
        entityManager
                .createNativeQuery("""
                insert into artwork_search (artwork_id, document)
                select cast(d ->> 0 as uuid), array_to_tsvector(string_to_array(d ->> 1, ' '))
                from jsonb_array_elements(cast(?1 as jsonb)) d
                on conflict (artwork_id) do update set document = excluded.document""")
                .setParameter(1, documents.toString())
                .executeUpdate();
        return missing.size();
    }

    private void write(UUID artworkId, Set<String> terms) {
        // the terms never contain white space, so a space separates them safely
        entityManager
                .createNativeQuery("""
                insert into artwork_search (artwork_id, document) values (?1, array_to_tsvector(string_to_array(?2,
                    ' ')))
                on conflict (artwork_id) do update set document = excluded.document""")
                .setParameter(1, artworkId)
                .setParameter(2, String.join(" ", terms))
                .executeUpdate();
    }

    private static Set<String> terms(String title, String provenanceJson, String description) {
        List<String> texts = new ArrayList<>();
        texts.add(title);
        texts.add(ProvenanceRecord.parse(provenanceJson).prompt());
        texts.add(description);
        return SearchTerms.ofDocument(texts);
    }
}
