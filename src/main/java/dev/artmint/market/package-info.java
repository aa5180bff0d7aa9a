/**
 * The marketplace: publishing, listings, purchases settled on-chain, minting and transfers, browse and search, artwork
 * pages with their activity, creator profiles and likes. Uses the studio, chain, storage, provenance and identity
 * features; nothing uses it.
 */
package dev.artmint.market;
