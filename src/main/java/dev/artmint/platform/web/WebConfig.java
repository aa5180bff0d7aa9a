package dev.artmint.platform.web;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the web app is told about its surroundings beyond the identity provider and the chain. */
@ConfigMapping(prefix = "artmint.web")
public interface WebConfig {

    /**
     * A block explorer's transaction page, the transaction hash appended (e.g. https://etherscan.io/tx/); none locally.
     */
    Optional<String> explorerTxUrl();
}
