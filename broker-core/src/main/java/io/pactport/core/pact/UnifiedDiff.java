package io.pactport.core.pact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line diff the Pact Broker prints between two pacts: the {@code diff-lcs} gem (1.6) as pact-support's
 * {@code Differ#diff_as_string} drives it, in unified format with 3 lines of context and no colour.
 *
 * <p>The longest common subsequence is the gem's own (Hunt-Szymanski with its tie-breaking), not any LCS: where
 * several exist, another choice prints other lines. Output quirks kept on purpose: it starts with a blank line, and
 * each change run merged into the hunk before it adds one more line break at the place where hunks are written.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The unified diff turning {@code oldLines} into {@code newLines}; empty when they are equal. */
    static String of(List<String> oldLines, List<String> newLines) {
        List<List<Change>> pieces = pieces(oldLines, newLines);
        StringBuilder out = new StringBuilder();
        if (pieces.isEmpty()) {
            return "";
        }
        Hunk previous = null;
        int lengthDifference = 0;
        for (List<Change> piece : pieces) {
            Hunk hunk = new Hunk(oldLines, newLines, piece, lengthDifference);
            lengthDifference = hunk.lengthDifference;
            if (previous != null) {
                if (hunk.overlaps(previous)) {
                    hunk.merge(previous);
                } else {
                    out.append(previous.unified());
                }
            }
            previous = hunk;
            out.append('\n');
        }
        return out.append(previous.unified()).append('\n').toString();
    }

    /** A removed ({@code -}, position in the old lines) or added ({@code +}, position in the new lines) line. */
    private record Change(boolean adding, int position) {}

    /** The runs of changes between matched lines, in the order the gem's traversal reports them. */
    private static List<List<Change>> pieces(List<String> a, List<String> b) {
        Integer[] matches = lcs(a, b);
        List<List<Change>> pieces = new ArrayList<>();
        List<Change> piece = new ArrayList<>();
        int ai = 0;
        int bj = 0;
        for (; ai < matches.length; ai++) {
            if (matches[ai] == null) {
                piece.add(new Change(false, ai));
            } else {
                for (; bj < matches[ai]; bj++) {
                    piece.add(new Change(true, bj));
                }
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                }
                bj++;
            }
        }
        while (ai < a.size() || bj < b.size()) {
            if (ai == a.size()) {
                for (; bj < b.size(); bj++) {
                    piece.add(new Change(true, bj));
                }
            }
            if (bj == b.size() && ai < a.size()) {
                piece.add(new Change(false, ai++));
            }
            if (ai < a.size()) {
                piece.add(new Change(false, ai++));
            }
            if (bj < b.size()) {
                piece.add(new Change(true, bj++));
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
        return pieces;
    }

    /**
     * For each old line, the new line it is matched with (null: none); as long as the last matched old line, as the
     * gem's vector is.
     */
    private static Integer[] lcs(List<String> a, List<String> b) {
        Map<Integer, Integer> vector = new HashMap<>();
        int aStart = 0;
        int bStart = 0;
        int aFinish = a.size() - 1;
        int bFinish = b.size() - 1;
        while (aStart <= aFinish && bStart <= bFinish && a.get(aStart).equals(b.get(bStart))) {
            vector.put(aStart++, bStart++);
        }
        while (aStart <= aFinish && bStart <= bFinish && a.get(aFinish).equals(b.get(bFinish))) {
            vector.put(aFinish--, bFinish--);
        }
        Map<String, List<Integer>> bMatches = new HashMap<>();
        for (int j = bStart; j <= bFinish; j++) {
            bMatches.computeIfAbsent(b.get(j), line -> new ArrayList<>()).add(j);
        }
        List<Integer> thresh = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = aStart; i <= aFinish; i++) {
            List<Integer> bm = bMatches.getOrDefault(a.get(i), List.of());
            Integer k = null;
            for (int m = bm.size() - 1; m >= 0; m--) {
                int j = bm.get(m);
                // at k = 0 Ruby's thresh[k - 1] is the last (largest) threshold, so the test fails as it does here
                if (k != null && k > 0 && thresh.get(k) > j && thresh.get(k - 1) < j) {
                    thresh.set(k, j);
                } else {
                    k = replaceNextLarger(thresh, j, k);
                }
                if (k != null) {
                    Link link = new Link(k > 0 ? links.get(k - 1) : null, i, j);
                    if (k < links.size()) {
                        links.set(k, link);
                    } else {
                        links.add(link);
                    }
                }
            }
        }
        if (!thresh.isEmpty()) {
            for (Link link = links.get(thresh.size() - 1); link != null; link = link.previous()) {
                vector.put(link.i(), link.j());
            }
        }
        int size = vector.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Integer[] matches = new Integer[size];
        vector.forEach((i, j) -> matches[i] = j);
        return matches;
    }

    private record Link(Link previous, int i, int j) {}

    private static Integer replaceNextLarger(List<Integer> thresh, int value, Integer lastIndex) {
        if (thresh.isEmpty() || value > thresh.get(thresh.size() - 1)) {
            thresh.add(value);
            return thresh.size() - 1;
        }
        int last = lastIndex == null ? thresh.size() - 1 : lastIndex;
        int first = 0;
        while (first <= last) {
            int i = (first + last) >> 1;
            int found = thresh.get(i);
            if (value == found) {
                return null;
            }
            if (value > found) {
                first = i + 1;
            } else {
                last = i - 1;
            }
        }
        thresh.set(first, value);
        return first;
    }

    /** diff-lcs' {@code Hunk}: a run of changes with its context, merged with the runs it overlaps. */
    private static final class Hunk {

        private final List<String> oldLines;
        private final List<String> newLines;
        private final List<List<Change>> blocks = new ArrayList<>();
        private final int lengthDifference;
        private int startOld;
        private int startNew;
        private int endOld;
        private int endNew;

        Hunk(List<String> oldLines, List<String> newLines, List<Change> piece, int lengthDifferenceBefore) {
            this.oldLines = oldLines;
            this.newLines = newLines;
            blocks.add(piece);
            List<Change> removed = piece.stream().filter(c -> !c.adding()).toList();
            List<Change> inserted = piece.stream().filter(Change::adding).toList();
            int before = lengthDifferenceBefore;
            int after = before + inserted.size() - removed.size();
            lengthDifference = after;
            Integer a1 = removed.isEmpty() ? null : removed.get(0).position();
            Integer a2 =
                    removed.isEmpty() ? null : removed.get(removed.size() - 1).position();
            Integer b1 = inserted.isEmpty() ? null : inserted.get(0).position();
            Integer b2 = inserted.isEmpty()
                    ? null
                    : inserted.get(inserted.size() - 1).position();
            startOld = a1 != null ? a1 : b1 - before;
            startNew = b1 != null ? b1 : a1 + before;
            endOld = a2 != null ? a2 : b2 - after;
            endNew = b2 != null ? b2 : a2 + after;
            int addStart = Math.min(CONTEXT, startOld);
            startOld -= addStart;
            startNew -= addStart;
            int addEnd = endOld + CONTEXT >= oldLines.size() ? oldLines.size() - endOld - 1 : CONTEXT;
            endOld += addEnd;
            endNew += addEnd;
        }

        boolean overlaps(Hunk other) {
            return startOld - other.endOld <= 1 || startNew - other.endNew <= 1;
        }

        void merge(Hunk other) {
            startOld = other.startOld;
            startNew = other.startNew;
            blocks.addAll(0, other.blocks);
        }

        String unified() {
            StringBuilder header = new StringBuilder("@@ -")
                    .append(range(startOld, endOld, oldLines))
                    .append(" +")
                    .append(range(startNew, endNew, newLines))
                    .append(" @@\n");
            List<String> out = new ArrayList<>();
            for (int i = startOld; i <= endOld; i++) {
                out.add(" " + oldLines.get(i));
            }
            int added = 0;
            int removed = 0;
            for (List<Change> block : blocks) {
                for (Change change : block) {
                    if (!change.adding()) {
                        int offset = change.position() - startOld + added;
                        out.set(offset, "-" + out.get(offset).substring(1));
                        removed++;
                    }
                }
                for (Change change : block) {
                    if (change.adding()) {
                        out.add(change.position() - startNew + removed, "+" + newLines.get(change.position()));
                        added++;
                    }
                }
            }
            return header.append(String.join("\n", out)).toString();
        }

        private static String range(int start, int end, List<String> lines) {
            if (lines.isEmpty() || lines.size() == 1 && lines.get(0).isEmpty()) {
                return "0,0";
            }
            int length = end - start + 1;
            return length <= 1 ? Integer.toString(end + 1) : (start + 1) + "," + length;
        }
    }
}
