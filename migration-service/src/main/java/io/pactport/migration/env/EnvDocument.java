package io.pactport.migration.env;

import io.pactport.core.config.PactBrokerEnvironmentTranslation;
import io.pactport.core.config.PactBrokerEnvironmentTranslation.Entry;
import io.pactport.core.config.PactBrokerEnvironmentTranslation.Line;
import io.pactport.core.config.PactBrokerEnvironmentTranslation.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's lines and the environments set in it: one for an env file, one per service for a compose file. Lines that
 * set nothing (comments, blank lines, the rest of a compose file) are kept as they are.
 *
 * @param lines the file split at {@code \n}; a line keeps its {@code \r} if it had one
 * @param notes what was seen but not translated (names only)
 */
public record EnvDocument(List<String> lines, List<Block> blocks, List<String> notes) {

    /** One environment; {@code service} is null in an env file. */
    public record Block(String service, List<Assignment> assignments) {

        public List<Entry> entries() {
            return assignments.stream().map(Assignment::entry).toList();
        }
    }

    /** One block's translation. */
    public record Translated(Block block, Result result) {}

    static List<String> split(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    /** A line without its {@code \r}, for reading. */
    static String content(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    public List<Translated> translate() {
        return blocks.stream()
                .map(block -> new Translated(block, PactBrokerEnvironmentTranslation.translate(block.entries())))
                .toList();
    }

    /** The file with every translated line rewritten and every dropped line removed; nothing else changes. */
    public String rewrite(List<Translated> translations) {
        String[] out = lines.toArray(String[]::new);
        boolean[] removed = new boolean[out.length];
        for (Translated translated : translations) {
            List<Assignment> assignments = translated.block().assignments();
            List<Line> results = translated.result().lines();
            for (int i = 0; i < assignments.size(); i++) {
                Assignment assignment = assignments.get(i);
                Line line = results.get(i);
                if (line.translated() == null) {
                    removed[assignment.line()] = true;
                } else if (line.changed()) {
                    String text = out[assignment.line()];
                    String cr = text.endsWith("\r") ? "\r" : "";
                    out[assignment.line()] = assignment.rewrite(content(text), line.translated()) + cr;
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (!removed[i]) {
                kept.add(out[i]);
            }
        }
        return String.join("\n", kept);
    }
}
