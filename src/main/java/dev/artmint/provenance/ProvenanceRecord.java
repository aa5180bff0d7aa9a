package dev.artmint.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The exact recipe of one image. {@code seed} is this image's own seed; the batch it was made in had {@code batchSize}
 * images with seeds {@code seed - batchIndex ...}, which is what a re-run must repeat. {@code imageSha256} is the
 * SHA-256 of the decoded pixels (see {@link PixelDigest}), not of the PNG file, because the file carries this record.
 * {@code parentArtworkId} and {@code strength} are set for image-to-image; {@code createdAt} is ISO-8601 UTC.
 */
public record ProvenanceRecord(
        int version,
        String prompt,
        String negativePrompt,
        long seed,
        int steps,
        double guidance,
        String scheduler,
        int width,
        int height,
        int batchSize,
        int batchIndex,
        String modelId,
        String modelSha256,
        String executionProvider,
        String parentArtworkId,
        Double strength,
        String creatorId,
        String createdAt,
        String imageSha256) {

    public static final int VERSION = 1;
    /** The PNG text keyword under which the record's canonical JSON travels in the image file. */
    public static final String PNG_KEYWORD = "artmint-provenance";

    // sorted keys and no whitespace; nulls stay, so every record has the same set of keys
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The canonical JSON form: the bytes that are hashed. */
    public String canonicalJson() {
        try {
            return CANONICAL.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provenance record always serialises", e);
        }
    }

    /** Keccak-256 of the canonical JSON's UTF-8 bytes, as 0x-prefixed hex: the value stored on-chain at mint. */
    public String hash() {
        return Numeric.toHexString(Hash.sha3(canonicalJson().getBytes(StandardCharsets.UTF_8)));
    }

    /** The ERC-721 token id this record's artwork gets: uint256(hash). */
    public BigInteger tokenId() {
        return Numeric.toBigInt(hash());
    }

    public static ProvenanceRecord parse(String json) {
        try {
            return CANONICAL.readValue(json, ProvenanceRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a provenance record: " + e.getOriginalMessage(), e);
        }
    }
}
