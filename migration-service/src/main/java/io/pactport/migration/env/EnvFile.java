package io.pactport.migration.env;

import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;
import io.pactport.migration.env.Assignment.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An env file as docker compose's {@code env_file} and shells read it: {@code KEY=value}, {@code export KEY=value},
 * values in double quotes (with {@code \"}, {@code \\}, {@code \n} escapes) or single quotes (literal), an unquoted
 * value up to a {@code #} after whitespace, comment lines and blank lines.
 */
public final class EnvFile {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(\\s*)(export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=(.*)$");

    private EnvFile() {}

    /** @throws EnvFileException naming the first line that is no assignment, comment or blank */
    public static EnvDocument parse(String text) {
        List<String> lines = EnvDocument.split(text);
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = EnvDocument.content(lines.get(i));
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                throw EnvFileException.atLine(i, "expected KEY=value, a # comment or a blank line");
            }
            String value = value(m.group(4), i);
            assignments.add(new Assignment(i, new Entry(m.group(3), value), m.start(3), m.start(3), Style.ENV));
        }
        return new EnvDocument(lines, List.of(new EnvDocument.Block(null, assignments)), List.of());
    }

    static String value(String raw, int line) {
        String text = raw.stripLeading();
        if (text.startsWith("\"") || text.startsWith("'")) {
            char quote = text.charAt(0);
            StringBuilder value = new StringBuilder();
            int i = 1;
            for (; i < text.length() && text.charAt(i) != quote; i++) {
                char c = text.charAt(i);
                if (quote == '"' && c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            if (i >= text.length()) {
                throw EnvFileException.atLine(line, "a quoted value is not closed on its line");
            }
            String rest = text.substring(i + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw EnvFileException.atLine(line, "unexpected text after the closing quote");
            }
            return value.toString();
        }
        Matcher comment = Pattern.compile("\\s#").matcher(text);
        return (comment.find() ? text.substring(0, comment.start()) : text).strip();
    }
}
