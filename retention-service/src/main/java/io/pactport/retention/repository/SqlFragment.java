package io.pactport.retention.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A piece of SQL with its {@code ?} parameters in order, so predicates can be composed without string-formatted values. */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        params = List.copyOf(params);
    }

    /** The parameters bound from {@code first} on; the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object param : params) {
            if (param instanceof String[] names) {
                statement.setArray(index++, statement.getConnection().createArrayOf("text", names));
            } else if (param instanceof Long[] ids) {
                statement.setArray(index++, statement.getConnection().createArrayOf("bigint", ids));
            } else {
                statement.setObject(index++, param);
            }
        }
        return index;
    }

    /** Builds a fragment; {@link #param} appends a placeholder and its value together. */
    static final class Builder {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Builder sql(String text) {
            sql.append(text);
            return this;
        }

        Builder param(Object value) {
            sql.append('?');
            params.add(value);
            return this;
        }

        Builder fragment(SqlFragment fragment) {
            sql.append(fragment.sql());
            params.addAll(fragment.params());
            return this;
        }

        SqlFragment build() {
            return new SqlFragment(sql.toString(), params);
        }
    }
}
