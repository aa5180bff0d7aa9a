package dev.artmint.studio.artwork;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.studio.StudioConfig;
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
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The search index of every creator's gallery: one tsvector per artwork, published or not, in
 * {@code artwork_prompt_search}, built from its prompt and, once published, its title and description. A row is written
 * in the transaction that commits its artwork and again in the one that publishes it; at start the artworks it does not
 * have yet are indexed.
 */
@ApplicationScoped
public class GalleryIndex {

    private static final Logger LOG = Logger.getLogger(GalleryIndex.class);
    private static final int BACKFILL_BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager entityManager;
    private final StudioConfig config;

    GalleryIndex(EntityManager entityManager, StudioConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Best effort: a database that cannot be reached now must not stop the service from starting. */
    void onStart(@Observes StartupEvent event) {
        if (!config.gallery().backfillOnStart()) {
            return;
        }
        try {
            int indexed = backfill();
            if (indexed > 0) {
                LOG.infof("gallery: indexed %d artworks that were not in the gallery's search index", indexed);
            }
        } catch (PersistenceException e) {
            LOG.warnf(
                    "gallery: could not index the artworks missing from the search index (tried again at the next "
                            + "start): %s",
                    e.getMessage());
        }
    }

    /** Indexes an artwork as it is now, inside the caller's transaction. */
    public void index(Artwork artwork) {
        // the terms never contain white space, so a space separates them safely
        entityManager
                .createNativeQuery("""
                insert into artwork_prompt_search (artwork_id, creator_id, created_at, document)
                values (?1, ?2, ?3, array_to_tsvector(string_to_array(?4, ' ')))
                on conflict (artwork_id) do update set document = excluded.document""")
                .setParameter(1, artwork.id)
                .setParameter(2, artwork.creatorId)
                .setParameter(3, artwork.createdAt)
                .setParameter(4, String.join(" ", terms(artwork.provenanceJson, artwork.title, artwork.description)))
                .executeUpdate();
    }

    /** Indexes the artwork again after its title or description changed; joins the caller's transaction. */
    @Transactional
    public void reindex(UUID artworkId) {
        Artwork.<Artwork>findByIdOptional(artworkId).ifPresent(this::index);
    }

    /** Indexes every artwork missing from the index; answers how many. */
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
                select a.id, a.provenance_json, a.title, a.description from artwork a
                where not exists (select 1 from artwork_prompt_search s where s.artwork_id = a.id)
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
                insert into artwork_prompt_search (artwork_id, creator_id, created_at, document)
                select a.id, a.creator_id, a.created_at, array_to_tsvector(string_to_array(d ->> 1, ' '))
                from jsonb_array_elements(cast(?1 as jsonb)) d join artwork a on a.id = cast(d ->> 0 as uuid)
                on conflict (artwork_id) do update set document = excluded.document""")
                .setParameter(1, documents.toString())
                .executeUpdate();
        return missing.size();
    }

    private static Set<String> terms(String provenanceJson, String title, String description) {
        List<String> texts = new ArrayList<>();
        texts.add(ProvenanceRecord.parse(provenanceJson).prompt());
        texts.add(title);
        texts.add(description);
        return SearchTerms.ofDocument(texts);
    }
}
