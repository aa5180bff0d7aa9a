package dev.artmint.localstack;

import java.util.Map;

/** One real part of the local stack (database, object store, identity provider, chain node) running on loopback. */
interface LocalPart extends AutoCloseable {

    String name();

    /** Starts the part and returns once it answers on its port. */
    void start();

    /** The application configuration that points at this part. */
    Map<String, String> configuration();

    /** Stops the part; its data stays in the data directory. */
    @Override
    void close();
}
