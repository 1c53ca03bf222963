package io.pactport.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** One freshly created database on the test PostgreSQL server. */
public record TestDatabase(String host, int port, String name, String username, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The Ruby broker's URL form, which is what operators put in {@code PACTFLOW_DATABASE_URL}. */
    public String rubyUrl() {
        return "postgres://" + username + ":" + password + "@" + host + ":" + port + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username, password);
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(username);
        ds.setPassword(password);
        return ds;
    }

    /** Configuration a Quarkus service reads, in the form operators give it. */
    public Map<String, String> quarkusConfig() {
        return Map.of("PACTFLOW_DATABASE_URL", rubyUrl());
    }
}
