package io.pactport.core.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Referential integrity checked from the data rather than trusted to the constraints: code that deletes with the
 * foreign-key triggers off (retention-service's clean, when it may) must leave no row referring to a missing one.
 */
public final class ForeignKeys {

    /** One query per single-column foreign key of the database, counting its rows whose reference is missing. */
    private static final String CHECKS = """
            SELECT format('SELECT count(*) FROM %s x WHERE x.%I IS NOT NULL'
                          || ' AND NOT EXISTS (SELECT 1 FROM %s y WHERE y.%I = x.%I)',
                          c.conrelid::regclass, a.attname, c.confrelid::regclass, af.attname, a.attname),
                   c.conrelid::regclass || '.' || a.attname || ' -> ' || c.confrelid::regclass
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
            WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
            ORDER BY 2
            """;

    private ForeignKeys() {}

    /** {@code "referencing.column -> referenced: n rows"} for every foreign key some row breaks; empty when none. */
    public static List<String> dangling(Connection c) throws SQLException {
        List<String[]> checks = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(CHECKS)) {
            while (rs.next()) {
                checks.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> dangling = new ArrayList<>();
        for (String[] check : checks) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(check[0])) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    dangling.add(check[1] + ": " + rs.getLong(1) + " rows");
                }
            }
        }
        return dangling;
    }
}
