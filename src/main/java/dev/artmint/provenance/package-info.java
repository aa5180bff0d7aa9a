/**
 * Provenance: the record of how an image was made, its canonical JSON, its keccak-256 hash (the on-chain value and
 * token id) and the report of a verification. Depends on no other ArtMint feature.
 */
package dev.artmint.provenance;
