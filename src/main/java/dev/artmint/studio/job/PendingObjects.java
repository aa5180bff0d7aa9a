package dev.artmint.studio.job;

import dev.artmint.storage.ObjectStore;
import dev.artmint.studio.artwork.Artwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The objects stored for artworks whose rows are not committed yet ({@code pending_object}), so that what a worker
 * killed between the two left in the object store is removed when its job is claimed again: objects are recorded here
 * before they are stored, and settled in the transaction of the artwork row that references them.
 */
@ApplicationScoped
public class PendingObjects {

    private static final Logger LOG = Logger.getLogger(PendingObjects.class);

    private final EntityManager entityManager;
    private final ObjectStore store;

    PendingObjects(EntityManager entityManager, ObjectStore store) {
        this.entityManager = entityManager;
        this.store = store;
    }

    /** Records, in a transaction of its own, the keys a worker is about to store for the job. */
    void record(UUID jobId, List<String> keys) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String key : keys) {
                entityManager
                        .createNativeQuery("insert into pending_object (job_id, object_key) values (?1, ?2)"
                                + " on conflict do nothing")
                        .setParameter(1, jobId)
                        .setParameter(2, key)
                        .executeUpdate();
            }
        });
    }

    /** The keys are no longer pending: referenced by the row committed in the caller's transaction, or removed. */
    void settle(UUID jobId, List<String> keys) {
        QuarkusTransaction.joiningExisting()
                .run(() -> entityManager
                        .createNativeQuery("delete from pending_object where job_id = ?1 and object_key in (?2)")
                        .setParameter(1, jobId)
                        .setParameter(2, keys)
                        .executeUpdate());
    }

    /**
     * Removes what earlier claims of the job stored and never committed, where no artwork and no other job's pending
     * write holds the same bytes; an object that cannot be removed now stays recorded for the next claim.
     */
    void removeLeftovers(UUID jobId) {
        @SuppressWarnings("unchecked")
        List<String> keys = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select object_key from pending_object where job_id = ?1")
                        .setParameter(1, jobId)
                        .getResultList());
        for (String key : keys) {
            try {
                if (!QuarkusTransaction.requiringNew().call(() -> heldElsewhere(jobId, key))) {
                    store.delete(key);
                    LOG.infof("job %s: removed %s, stored by an earlier claim that never committed it", jobId, key);
                }
                QuarkusTransaction.requiringNew().run(() -> settle(jobId, List.of(key)));
            } catch (RuntimeException e) {
                LOG.warnf("job %s: could not remove %s left by an earlier claim: %s", jobId, key, e.getMessage());
            }
        }
    }

    private boolean heldElsewhere(UUID jobId, String key) {
        Number others = (Number) entityManager
                .createNativeQuery("select count(*) from pending_object where object_key = ?1 and job_id <> ?2")
                .setParameter(1, key)
                .setParameter(2, jobId)
                .getSingleResult();
        return Artwork.referencesKey(key) || others.longValue() > 0;
    }
}
