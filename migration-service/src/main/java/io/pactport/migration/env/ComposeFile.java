package io.pactport.migration.env;

import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;
import io.pactport.migration.env.Assignment.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code environment} blocks of a docker compose file, every service's, in both forms ({@code KEY: value} and
 * {@code - KEY=value}). Read line by line rather than through a YAML parser, so a rewrite keeps every comment, blank
 * line and the layout of the rest of the file. Flow style ({@code environment: {..}}) is refused.
 */
public final class ComposeFile {

    private static final Pattern ENVIRONMENT = Pattern.compile("^(\\s*)environment:\\s*(.*)$");
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*([\"']?)([^\\s:\"'#]+)\\1:\\s*(#.*)?$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)-\\s+(.*)$");
    private static final Pattern MAP_ITEM =
            Pattern.compile("^(\\s*)([\"']?)([A-Za-z_][A-Za-z0-9_.]*)\\2:(?:\\s+(.*))?$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private ComposeFile() {}

    /** @throws EnvFileException naming the first line of an environment block that cannot be read */
    public static EnvDocument parse(String text) {
        List<String> lines = EnvDocument.split(text);
        List<EnvDocument.Block> blocks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher env = ENVIRONMENT.matcher(EnvDocument.content(lines.get(i)));
            if (!env.matches()) {
                continue;
            }
            String inline = env.group(2).strip();
            if (!inline.isEmpty() && !inline.startsWith("#")) {
                throw EnvFileException.atLine(
                        i,
                        "an environment written inline is not supported;"
                                + " write it as a block, one variable a line");
            }
            int indent = env.group(1).length();
            String service = service(lines, i, indent);
            List<Assignment> assignments = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String line = EnvDocument.content(lines.get(j));
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (indentOf(line) <= indent) {
                    break;
                }
                Assignment assignment = assignment(line, j, service, notes);
                if (assignment != null) {
                    assignments.add(assignment);
                }
            }
            blocks.add(new EnvDocument.Block(service, assignments));
            i = j - 1;
        }
        return new EnvDocument(lines, blocks, notes);
    }

    private static Assignment assignment(String line, int index, String service, List<String> notes) {
        Matcher item = LIST_ITEM.matcher(line);
        if (item.matches()) {
            int itemStart = item.start(2);
            String raw = item.group(2);
            boolean quoted = raw.startsWith("\"") || raw.startsWith("'");
            String setting = scalar(raw, index);
            int equals = setting.indexOf('=');
            String name = equals < 0 ? setting : setting.substring(0, equals);
            if (!NAME.matcher(name).matches()) {
                throw EnvFileException.atLine(index, "expected - KEY=value in the environment of " + service);
            }
            if (equals < 0) {
                notes.add(service + ": " + name + " takes its value from the host's environment; left as it is");
                return null;
            }
            return new Assignment(
                    index,
                    new Entry(name, setting.substring(equals + 1)),
                    itemStart,
                    itemStart + (quoted ? 1 : 0),
                    Style.COMPOSE_LIST);
        }
        Matcher map = MAP_ITEM.matcher(line);
        if (map.matches()) {
            String raw = map.group(4) == null ? "" : map.group(4);
            if (raw.isBlank() || raw.strip().startsWith("#")) {
                notes.add(service + ": " + map.group(3) + " takes its value from the host's environment;"
                        + " left as it is");
                return null;
            }
            if (raw.startsWith("|") || raw.startsWith(">")) {
                throw EnvFileException.atLine(index, "a multi-line value is not supported");
            }
            return new Assignment(
                    index, new Entry(map.group(3), scalar(raw, index)), map.start(2), map.start(3), Style.COMPOSE_MAP);
        }
        if (line.strip().startsWith("<<:")) {
            notes.add(service + ": a merged anchor (<<:) is not followed; translate the anchor's block itself");
            return null;
        }
        throw EnvFileException.atLine(index, "expected KEY: value or - KEY=value in the environment of " + service);
    }

    /** A YAML scalar on one line: double-quoted, single-quoted ({@code ''} for a quote) or plain. */
    static String scalar(String raw, int line) {
        String text = raw.strip();
        if (text.startsWith("'")) {
            StringBuilder value = new StringBuilder();
            int i = 1;
            while (true) {
                if (i >= text.length()) {
                    throw EnvFileException.atLine(line, "a quoted value is not closed on its line");
                }
                char c = text.charAt(i++);
                if (c == '\'') {
                    if (i < text.length() && text.charAt(i) == '\'') {
                        value.append('\'');
                        i++;
                        continue;
                    }
                    break;
                }
                value.append(c);
            }
            String rest = text.substring(i).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw EnvFileException.atLine(line, "unexpected text after the closing quote");
            }
            return value.toString();
        }
        // double quotes and plain scalars read as in an env file (a plain value ends before " #")
        return EnvFile.value(text, line);
    }

    /** The nearest key above the environment block, less indented: the service's name. */
    private static String service(List<String> lines, int index, int indent) {
        for (int i = index - 1; i >= 0; i--) {
            String line = EnvDocument.content(lines.get(i));
            if (line.isBlank() || line.strip().startsWith("#") || indentOf(line) >= indent) {
                continue;
            }
            Matcher key = KEY_LINE.matcher(line);
            return key.matches() ? key.group(2) : "?";
        }
        return "?";
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
