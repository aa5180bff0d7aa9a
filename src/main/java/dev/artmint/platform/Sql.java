package dev.artmint.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written SQL on a JDBC connection: prepares the statement, binds its parameters, runs it and maps its rows, so
 * that the callers hold only their SQL and their mapping. One statement, one round trip each.
 */
public final class Sql {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {}

    /** Binds the values in order with {@link PreparedStatement#setObject(int, Object)}. */
    public static Binder parameters(Object... values) {
        return statement -> {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        };
    }

    /** Every row the query answers, mapped in order. */
    public static <T> List<T> list(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(mapper.map(rows));
                }
            }
            return values;
        }
    }

    /** The first row the query answers, mapped; empty when it answers none. */
    public static <T> Optional<T> first(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        }
    }

    /** Runs an insert, update or delete; answers the number of rows it changed. */
    public static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }
}
