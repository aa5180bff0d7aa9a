package dev.artmint.storage;

/** The object store could not do what was asked; the cause says why. */
public class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String what, Throwable cause) {
        super(what + ": " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
