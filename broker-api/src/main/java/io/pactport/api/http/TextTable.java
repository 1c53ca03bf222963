package io.pactport.api.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The text tables of the Pact Broker's {@code text/plain} answers (table_print's layout): the header row, a line of
 * dashes, then a row per line, each column as wide as its widest cell and columns separated by {@code " | "}.
 */
public final class TextTable {

    private TextTable() {}

    /** The table of the lines, the first being the header; each line ends with a newline. */
    public static String of(List<String[]> lines) {
        int[] widths = new int[lines.get(0).length];
        lines.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < line.length; i++) {
                cells.add(String.format("%-" + widths[i] + "s", line[i]));
            }
            text.append(String.join(" | ", cells)).append('\n');
            if (l == 0) {
                List<String> dashes = new ArrayList<>();
                for (int width : widths) {
                    dashes.add("-".repeat(width));
                }
                text.append(String.join("-|-", dashes)).append('\n');
            }
        }
        return text.toString();
    }
}
