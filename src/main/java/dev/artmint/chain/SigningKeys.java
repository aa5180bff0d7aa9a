package dev.artmint.chain;

import java.util.Optional;
import org.web3j.crypto.Credentials;

/**
 * The keys behind the outbox's signers, so that it can sign a stuck or refused transaction again at the same nonce; the
 * platform's keys and the custodial wallets each answer for theirs.
 */
public interface SigningKeys {

    /** The key of this address, when this holder has it. */
    Optional<Credentials> of(String address);
}
