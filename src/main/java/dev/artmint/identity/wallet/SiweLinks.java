package dev.artmint.identity.wallet;

import dev.artmint.chain.ChainNode;
import dev.artmint.platform.problem.ProblemType;
import dev.artmint.platform.problem.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Links external addresses by EIP-4361: the server issues a nonce, the user signs a message naming this domain, their
 * address, the chain and the nonce, and the signature (EIP-191 personal_sign) must recover that address.
 */
@ApplicationScoped
public class SiweLinks {

    private static final int NONCE_BYTES = 12;

    private final WalletConfig config;
    private final ChainNode node;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SiweLinks(WalletConfig config, ChainNode node, Clock clock) {
        this.config = config;
        this.node = node;
        this.clock = clock;
    }

    public SiweChallenge issueNonce(UUID userId) {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        SiweNonce nonce = new SiweNonce();
        // EIP-4361 nonces are alphanumeric
        nonce.nonce = HexFormat.of().formatHex(bytes);
        nonce.userId = userId;
        nonce.issuedAt = clock.instant();
        nonce.expiresAt = nonce.issuedAt.plus(config.siwe().nonceTtl());
        QuarkusTransaction.requiringNew().run(nonce::persist);
        return new SiweChallenge(
                nonce.nonce,
                config.siwe().domain(),
                config.siwe().uri(),
                node.chainId(),
                nonce.issuedAt,
                nonce.expiresAt);
    }

    /** Checks the message and signature, uses up the nonce and links the address; answers the address, lower case. */
    public String link(UUID userId, String text, String signature) {
        SiweMessage message = SiweMessage.parse(text);
        Instant now = clock.instant();
        if (!message.domain().equals(config.siwe().domain())) {
            throw Refusal.of(
                    ProblemType.SIWE_REJECTED,
                    "the message is for " + message.domain() + ", not "
                            + config.siwe().domain());
        }
        if (!"1".equals(message.version())) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "only version 1 messages are accepted");
        }
        if (message.chainId() != node.chainId()) {
            throw Refusal.of(
                    ProblemType.SIWE_REJECTED,
                    "the message is for chain " + message.chainId() + ", not " + node.chainId());
        }
        if (message.expirationTime().map(expiry -> !now.isBefore(expiry)).orElse(false)) {
            throw Refusal.of(
                    ProblemType.SIWE_REJECTED,
                    "the message expired at " + message.expirationTime().get());
        }
        if (message.notBefore().map(now::isBefore).orElse(false)) {
            throw Refusal.of(
                    ProblemType.SIWE_REJECTED,
                    "the message is not valid before " + message.notBefore().get());
        }
        String signer = recover(text, signature);
        if (!signer.equalsIgnoreCase(message.address())) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the signature is not by " + message.address());
        }
        String address = message.address().toLowerCase();
        QuarkusTransaction.requiringNew().run(() -> {
            useNonce(userId, message.nonce(), now);
            if (!LinkedAddress.isLinked(userId, address)) {
                LinkedAddress link = new LinkedAddress();
                link.id = UUID.randomUUID();
                link.userId = userId;
                link.address = address;
                link.linkedAt = now;
                link.persist();
            }
        });
        return address;
    }

    private static void useNonce(UUID userId, String nonce, Instant now) {
        long used = SiweNonce.update(
                "usedAt = ?1 where nonce = ?2 and userId = ?3 and usedAt is null and expiresAt > ?1",
                now,
                nonce,
                userId);
        if (used != 1) {
            throw Refusal.of(
                    ProblemType.SIWE_REJECTED,
                    "the nonce " + nonce + " was not issued to you, is used up or has expired");
        }
    }

    /** The address whose key made a personal_sign signature (65 bytes r || s || v) of the message. */
    private static String recover(String message, String signature) {
        byte[] bytes;
        try {
            bytes = Numeric.hexStringToByteArray(signature);
        } catch (RuntimeException e) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the signature is not hex");
        }
        if (bytes.length != 65) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the signature must be 65 bytes, it has " + bytes.length);
        }
        // v is 27 or 28 (0 or 1 from some signers); any other byte is no recovery id a key can be read from
        int v = (bytes[64] & 0xff) < 27 ? (bytes[64] & 0xff) + 27 : bytes[64] & 0xff;
        if (v != 27 && v != 28) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the signature's v byte must be 27 or 28 (or 0 or 1)");
        }
        Sign.SignatureData data =
                new Sign.SignatureData((byte) v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
        BigInteger key;
        try {
            key = Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
        } catch (SignatureException | RuntimeException e) {
            // r or s out of the curve's range, or no point for r: web3j says so in several ways
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the signature does not verify");
        }
        if (key == null) {
            throw Refusal.of(ProblemType.SIWE_REJECTED, "the signature does not verify");
        }
        return "0x" + Keys.getAddress(key);
    }
}
