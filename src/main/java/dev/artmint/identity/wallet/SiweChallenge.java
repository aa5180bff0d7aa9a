package dev.artmint.identity.wallet;

import java.time.Instant;

/** What a client needs to compose the Sign-In with Ethereum message that links an address. */
public record SiweChallenge(
        String nonce, String domain, String uri, long chainId, Instant issuedAt, Instant expiresAt) {}
