package dev.artmint.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Who owns which token, as indexed from the chain's Transfer events (transfers outside the platform included). */
@ApplicationScoped
public class TokenOwnership {

    private final EntityManager entityManager;

    TokenOwnership(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<String> ownerOf(BigInteger tokenId) {
        return entityManager
                .createNativeQuery("select owner from token_owner where token_id = ?1", String.class)
                .setParameter(1, new BigDecimal(tokenId))
                .getResultStream()
                .findFirst()
                .map(String.class::cast);
    }

    /** Which of these token ids exist, as indexed: those with an owner. */
    public Set<BigInteger> existing(Collection<BigInteger> tokenIds) {
        if (tokenIds.isEmpty()) {
            return Set.of();
        }
        List<?> found = entityManager
                .createNativeQuery("select token_id from token_owner where token_id = any(cast(?1 as numeric[]))")
                .setParameter(1, tokenIds.stream().map(BigInteger::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        return found.stream().map(id -> ((BigDecimal) id).toBigIntegerExact()).collect(Collectors.toSet());
    }

    /** The tokens an address holds, lowest id first. */
    public List<BigInteger> tokensOf(String address) {
        return entityManager
                .createNativeQuery("select token_id from token_owner where owner = ?1 order by token_id")
                .setParameter(1, address.toLowerCase())
                .getResultStream()
                .map(id -> ((BigDecimal) id).toBigIntegerExact())
                .toList();
    }
}
