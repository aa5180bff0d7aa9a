package dev.artmint.chain;

/** A contract call to send: the contract's address and the ABI-encoded call data. */
public record ContractCall(String to, String data) {}
