package dev.artmint.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which failures mean the database is out of reach (503) rather than a fault of the request or the code (500). */
@Tag("unit")
class DatabaseOutageTest {

    @Test
    void connectionAndShutdownStatesAreAnOutageHoweverWrapped() {
        assertTrue(ProblemMappers.databaseUnreachable(new SQLException("Connection refused", "08001")));
        assertTrue(ProblemMappers.databaseUnreachable(
                new PersistenceException("could not execute statement", new SQLException("I/O error", "08006"))));
        assertTrue(ProblemMappers.databaseUnreachable(new IllegalStateException(
                "commit failed",
                new PersistenceException(new SQLException("terminating connection due to administrator", "57P01")))));
        assertTrue(ProblemMappers.databaseUnreachable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(ProblemMappers.databaseUnreachable(
                new PersistenceException(new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(ProblemMappers.databaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.databaseUnreachable(new SQLException("canceling statement", "57014")));
        assertFalse(ProblemMappers.databaseUnreachable(new SQLException("no state")));
        assertFalse(ProblemMappers.databaseUnreachable(new IllegalStateException("boom")));
    }
}
