package io.pactport.api.db;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL assembled from parts that name their parameters ({@code :versions}), numbered {@code $n} in order of first use;
 * a parameter no part uses is not sent (PostgreSQL cannot type a parameter the statement never mentions).
 */
public final class NamedSql {

    private static final Pattern NAME = Pattern.compile("(?<!:):([a-z]+)\\b");

    public final String sql;
    public final Tuple params;

    private NamedSql(String sql, Tuple params) {
        this.sql = sql;
        this.params = params;
    }

    public static NamedSql of(String text, Map<String, Object> values) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            Integer number = numbers.computeIfAbsent(name, n -> {
                params.add(values.get(n));
                return params.size();
            });
            m.appendReplacement(sql, "\\$" + number);
        }
        m.appendTail(sql);
        return new NamedSql(sql.toString(), Tuple.from(params));
    }
}
