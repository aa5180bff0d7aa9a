package dev.artmint.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An object named by its content: the key is {@code prefix/<sha256 of the bytes>.extension}, so the same bytes always
 * land on the same key and a key always tells which bytes it must hold.
 */
public record StoredObject(String key, String sha256, long size, String contentType) {

    /** The object these bytes make: the key {@link ObjectStore#put} stores them under. */
    public static StoredObject of(String prefix, String extension, byte[] bytes, String contentType) {
        String sha256 = sha256(bytes);
        return new StoredObject(prefix + "/" + sha256 + "." + extension, sha256, bytes.length, contentType);
    }

    /** Hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    /** Whether these bytes are the ones this key names. */
    public static boolean matchesKey(String key, byte[] bytes) {
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        return slash >= 0 && dot > slash && key.substring(slash + 1, dot).equals(sha256(bytes));
    }
}
