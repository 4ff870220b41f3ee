package io.envforge.summary;

import io.envforge.summary.ResourceChange.FieldChange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one-line gist of a change a reviewer looks for first: a workload's new image ("image of api-gateway"). */
final class Highlights {

    private static final Pattern IMAGE = Pattern.compile("spec\\.template\\.spec\\.containers\\[\\d+]\\.image");
    private static final Pattern WORKLOAD = Pattern.compile("(StatefulSet|Deployment|DaemonSet) (?:[^/ ]+/)?(\\S+)");

    private Highlights() {}

    /** The highlight of {@code field} in {@code change}, or null when it has none. */
    static String of(ResourceChange change, FieldChange field) {
        Matcher workload = WORKLOAD.matcher(change.resource());
        if (!workload.matches() || !IMAGE.matcher(field.path()).matches()) {
            return null;
        }
        String before = field.before();
        String after = field.after();
        int a = before.lastIndexOf(':');
        int b = after.lastIndexOf(':');
        if (a > 0 && b > 0 && before.substring(0, a).equals(after.substring(0, b))) {
            return "image tag of " + workload.group(2) + " " + before.substring(a + 1) + " → " + after.substring(b + 1);
        }
        return "image of " + workload.group(2) + " " + before + " → " + after;
    }
}
