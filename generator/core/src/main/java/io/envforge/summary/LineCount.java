package io.envforge.summary;

import java.util.HashMap;
import java.util.Map;

/** A line count of a text change: lines only in the new text (+) and only in the old (−), as multisets. */
final class LineCount {

    private LineCount() {}

    static String delta(String before, String after) {
        Map<String, Integer> count = new HashMap<>();
        for (String line : before.split("\n", -1)) {
            count.merge(line, -1, Integer::sum);
        }
        for (String line : after.split("\n", -1)) {
            count.merge(line, 1, Integer::sum);
        }
        int added = count.values().stream()
                .filter(v -> v > 0)
                .mapToInt(Integer::intValue)
                .sum();
        int removed = -count.values().stream()
                .filter(v -> v < 0)
                .mapToInt(Integer::intValue)
                .sum();
        return "(+" + added + " −" + removed + " lines)";
    }
}
