package dev.artmint.identity.wallet;

import java.util.List;

/** The caller's custodial wallet: address, balance in wei (a decimal string), token ids held, linked addresses. */
public record WalletView(String address, String balanceWei, List<String> tokens, List<String> linkedAddresses) {}
