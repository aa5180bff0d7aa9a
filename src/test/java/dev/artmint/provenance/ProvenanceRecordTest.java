package dev.artmint.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

@Tag("unit")
class ProvenanceRecordTest {

    private static final ProvenanceRecord RECORD = new ProvenanceRecord(
            1,
            "a red fox, 水彩",
            "blurry",
            43,
            6,
            5.0,
            "euler_a",
            64,
            64,
            2,
            1,
            "tiny",
            "ab".repeat(32),
            "cpu",
            null,
            null,
            "0b7b0a3c-6d0e-4d43-9a53-1b6a2d9c1f00",
            "2026-11-21T20:00:00.123Z",
            "cd".repeat(32));

    @Test
    void canonicalJsonHasSortedKeysAndNoWhitespace() throws Exception {
        String json = RECORD.canonicalJson();
        assertTrue(json.startsWith("{\"batchIndex\":1,\"batchSize\":2,\"createdAt\":"), json);
        assertEquals(new ObjectMapper().readTree(json).toString(), json, "no insignificant whitespace");
        List<String> keys = new ArrayList<>();
        new ObjectMapper().readTree(json).fieldNames().forEachRemaining(keys::add);
        assertEquals(keys.stream().sorted().toList(), keys);
        assertEquals(19, keys.size());
        assertTrue(
                json.contains("\"parentArtworkId\":null"), "absent values stay as null so every record has every key");
        assertTrue(json.contains("水彩"), "text is kept as UTF-8, not escaped");
    }

    @Test
    void hashIsKeccak256OfTheCanonicalUtf8Bytes() {
        byte[] expected = Hash.sha3(RECORD.canonicalJson().getBytes(StandardCharsets.UTF_8));
        assertEquals(Numeric.toHexString(expected), RECORD.hash());
        assertEquals(66, RECORD.hash().length());
        assertEquals(new BigInteger(1, expected), RECORD.tokenId());
    }

    @Test
    void knownVectorForTheEmptyString() {
        // keccak-256 (not NIST SHA3-256) of no bytes, the value Solidity's keccak256("") gives
        assertEquals(
                "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Numeric.toHexString(Hash.sha3(new byte[0])));
    }

    @Test
    void parsingTheCanonicalFormGivesTheSameRecordAndHash() {
        ProvenanceRecord parsed = ProvenanceRecord.parse(RECORD.canonicalJson());
        assertEquals(RECORD, parsed);
        assertEquals(RECORD.hash(), parsed.hash());
    }

    @Test
    void anyChangeChangesTheHash() {
        ProvenanceRecord otherSeed = new ProvenanceRecord(
                1,
                RECORD.prompt(),
                RECORD.negativePrompt(),
                44,
                6,
                5.0,
                "euler_a",
                64,
                64,
                2,
                1,
                "tiny",
                RECORD.modelSha256(),
                "cpu",
                null,
                null,
                RECORD.creatorId(),
                RECORD.createdAt(),
                RECORD.imageSha256());
        assertNotEquals(RECORD.hash(), otherSeed.hash());
    }

    @Test
    void pixelDigestDependsOnPixelsOnly() {
        BufferedImage rgb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        rgb.setRGB(1, 1, 0x123456);
        argb.setRGB(1, 1, 0xFF123456);
        assertEquals(PixelDigest.sha256(rgb), PixelDigest.sha256(argb));
        rgb.setRGB(0, 0, 1);
        assertNotEquals(PixelDigest.sha256(rgb), PixelDigest.sha256(argb));
    }
}
