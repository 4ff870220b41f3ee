package io.envforge.render.helm;

import io.envforge.render.Yaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * What Helm does with its engine's output before {@code helm template} prints it, in Java: the second half of
 * {@code renderResources} ({@code pkg/action/action.go}) and {@code releaseutil.SortManifests}
 * ({@code pkg/releaseutil/manifest_sorter.go}, {@code manifest.go}, {@code kind_sorter.go}), Helm v3.21.0, followed by
 * helm-java 0.0.21's {@code Template} ({@code strings.TrimSpace(rel.Manifest)} and a newline). With envforge's own
 * engine library ({@link NativeHelmEngine}) Go renders the templates and this class orders and prints them; the text
 * is the text helm-java returns ({@code HelmEngineEquivalenceTest} compares the two on the example charts and on a
 * chart made of the awkward cases). Each document is parsed here (Helm parses it too, to read its kind and hook
 * annotation); the parsed documents are handed on so that the validator does not parse them again.
 *
 * <p>Step by step: every file whose name ends in {@code NOTES.txt} is dropped; the others are taken in path order
 * (Go's byte order); partials (a base name starting with {@code _}) and files that are only white space are skipped;
 * each file is cut at Helm's separator (the regular expression {@code (?:^|\s*\n)---\s*}, RE2's {@code \s}) into
 * trimmed documents; a document whose {@code metadata.annotations} has the key {@code helm.sh/hook} is a hook and not
 * printed (known or not); the rest are ordered by kind, stably ({@code InstallOrder}; unknown kinds after the known
 * ones, among themselves by name); each is printed as {@code ---\n# Source: <path>\n<document>\n}.
 */
final class HelmManifests {

    private HelmManifests() {}

    /** A document Helm would refuse to read, as Helm refuses it: {@code YAML parse error on <path>: ...}. */
    static final class ParseError extends RuntimeException {
        ParseError(String path, String message) {
            super("YAML parse error on " + path + ": " + message);
        }
    }

    /**
     * helm template's text, and the documents parsed on the way: each keyed by the piece of that text which
     * {@link HelmRenderer#documents} cuts out for it, with what {@link Yaml#loadAll} makes of that piece.
     */
    record Printed(String text, Map<String, List<Map<String, Object>>> parsed) {}

    /** {@code releaseutil.InstallOrder}, Helm v3.21.0. */
    static final List<String> INSTALL_ORDER = List.of(
            "PriorityClass",
            "Namespace",
            "NetworkPolicy",
            "ResourceQuota",
            "LimitRange",
            "PodSecurityPolicy",
            "PodDisruptionBudget",
            "ServiceAccount",
            "Secret",
            "SecretList",
            "ConfigMap",
            "StorageClass",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "CustomResourceDefinition",
            "ClusterRole",
            "ClusterRoleList",
            "ClusterRoleBinding",
            "ClusterRoleBindingList",
            "Role",
            "RoleList",
            "RoleBinding",
            "RoleBindingList",
            "Service",
            "DaemonSet",
            "Pod",
            "ReplicationController",
            "ReplicaSet",
            "Deployment",
            "HorizontalPodAutoscaler",
            "StatefulSet",
            "Job",
            "CronJob",
            "IngressClass",
            "Ingress",
            "APIService");

    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (int i = 0; i < INSTALL_ORDER.size(); i++) {
            RANK.put(INSTALL_ORDER.get(i), i);
        }
    }

    private record Manifest(String path, String content, String kind) {}

    /** {@code lessByKind}: known kinds by their place, unknown ones after them by name (Go's byte order). */
    static final Comparator<String> BY_KIND = (a, b) -> {
        Integer ra = RANK.get(a);
        Integer rb = RANK.get(b);
        if (ra == null && rb == null) {
            return compareGo(a, b);
        }
        if (ra == null) {
            return 1;
        }
        if (rb == null) {
            return -1;
        }
        return Integer.compare(ra, rb);
    };

    /**
     * The engine's files (template path to rendered text, in any order) printed as helm template prints them.
     *
     * @throws ParseError where Helm's {@code SortManifests} fails to read a document's head
     */
    static Printed print(Map<String, String> files) {
        List<String> paths = new ArrayList<>(files.keySet());
        paths.sort(HelmManifests::compareGo);
        List<Manifest> manifests = new ArrayList<>();
        Map<String, List<Map<String, Object>>> parsed = new HashMap<>();
        for (String path : paths) {
            String content = files.get(path);
            if (path.endsWith("NOTES.txt")
                    || path.substring(path.lastIndexOf('/') + 1).startsWith("_")
                    || trimSpace(content).isEmpty()) {
                continue;
            }
            for (String doc : splitManifests(content)) {
                // the pieces HelmRenderer.documents will cut out of this document's part of the text: one, unless the
                // document itself holds a separator line (Helm's split leaves "---" at the start of "------" or of a
                // document after "---\n---")
                List<String> pieces = HelmRenderer.documents("---\n# Source: " + path + "\n" + doc + "\n");
                List<Object> objects = parse(path, pieces.size() == 1 ? pieces.get(0) : doc);
                Head head = Head.of(path, objects.isEmpty() ? null : objects.get(0));
                if (head.hook) {
                    continue;
                }
                manifests.add(new Manifest(path, doc, head.kind));
                if (pieces.size() == 1) {
                    parsed.put(pieces.get(0), Yaml.maps(objects));
                } else {
                    for (String piece : pieces) {
                        parsed.put(piece, Yaml.maps(parse(path, piece)));
                    }
                }
            }
        }
        manifests.sort(Comparator.comparing(Manifest::kind, BY_KIND)); // List.sort is stable, as sort.SliceStable
        StringBuilder text = new StringBuilder();
        for (Manifest m : manifests) {
            text.append("---\n# Source: ")
                    .append(m.path)
                    .append('\n')
                    .append(m.content)
                    .append('\n');
        }
        return new Printed(trimSpace(text.toString()) + "\n", parsed);
    }

    private static List<Object> parse(String path, String text) {
        try {
            return Yaml.loadAllObjects(text);
        } catch (YamlEngineException e) {
            throw new ParseError(path, e.getMessage());
        }
    }

    /**
     * What Helm reads of a document ({@code releaseutil.SimpleHead}: apiVersion, kind, metadata.name,
     * metadata.annotations, decoded from JSON into strings): its kind, and whether it is a hook. A field of another
     * type fails as Go's {@code json.Unmarshal} fails.
     */
    private record Head(String kind, boolean hook) {

        static Head of(String path, Object doc) {
            if (doc == null) {
                return new Head("", false);
            }
            Map<?, ?> map = object(path, "the document", doc);
            string(path, "apiVersion", field(map, "apiVersion"));
            String kind = string(path, "kind", field(map, "kind"));
            Object metadata = field(map, "metadata");
            boolean hook = false;
            if (metadata != null) {
                Map<?, ?> meta = object(path, "metadata", metadata);
                string(path, "metadata.name", field(meta, "name"));
                Object annotations = field(meta, "annotations");
                if (annotations != null) {
                    for (Map.Entry<?, ?> a :
                            object(path, "metadata.annotations", annotations).entrySet()) {
                        string(path, "metadata.annotations", a.getValue());
                        hook |= "helm.sh/hook".equals(String.valueOf(a.getKey()));
                    }
                }
            }
            return new Head(kind, hook);
        }

        /**
         * A field as Go's {@code encoding/json} fills it: a key equal to the field's name ignoring case also sets it,
         * and of several such keys the last in the JSON object wins; sigs.k8s.io/yaml writes that object's keys sorted.
         */
        private static Object field(Map<?, ?> map, String name) {
            String chosen = null;
            Object value = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equalsIgnoreCase(name) && (chosen == null || compareGo(key, chosen) > 0)) {
                    chosen = key;
                    value = e.getValue();
                }
            }
            return value;
        }

        private static Map<?, ?> object(String path, String what, Object value) {
            if (value instanceof Map<?, ?> map) {
                return map;
            }
            throw new ParseError(
                    path, "error unmarshaling JSON: " + what + " is " + typeName(value) + ", not an object");
        }

        /**
         * A string field: sigs.k8s.io/yaml turns a scalar of another type into a string when the target is one
         * ({@code kind: 5} is the kind "5"); a list or an object fails.
         */
        private static String string(String path, String what, Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                throw new ParseError(
                        path, "error unmarshaling JSON: " + what + " is " + typeName(value) + ", not a string");
            }
            return String.valueOf(value);
        }

        private static String typeName(Object value) {
            return value instanceof List<?>
                    ? "a list"
                    : value instanceof Map<?, ?>
                            ? "an object"
                            : "a " + value.getClass().getSimpleName();
        }
    }

    /**
     * {@code releaseutil.SplitManifests}: the text trimmed, cut at every match of {@code (?:^|\s*\n)---\s*}, empty
     * pieces left out, the others trimmed (so a piece of only white space stays, as the empty string). Written out
     * rather than as a {@link java.util.regex.Pattern} (RE2 and Java read {@code \s} differently); the matches are
     * the leftmost-first ones Go's {@code regexp.Split} finds.
     */
    static List<String> splitManifests(String bigFile) {
        String s = trimSpace(bigFile);
        List<String> docs = new ArrayList<>();
        int begin = 0; // where the current piece begins (after the previous match)
        int from = 0; // where to look for the next match
        while (true) {
            int start;
            int dashes;
            if (from == 0 && s.startsWith("---")) {
                start = 0;
                dashes = 0;
            } else {
                int nl = s.indexOf("\n---", from);
                if (nl < 0) {
                    break;
                }
                start = nl;
                while (start > from && isRe2Space(s.charAt(start - 1))) {
                    start--;
                }
                dashes = nl + 1;
            }
            int end = dashes + 3;
            while (end < s.length() && isRe2Space(s.charAt(end))) {
                end++;
            }
            addPiece(docs, s.substring(begin, start));
            begin = end;
            from = end;
            if (end >= s.length()) {
                break;
            }
        }
        addPiece(docs, s.substring(begin));
        return docs;
    }

    private static void addPiece(List<String> docs, String piece) {
        if (!piece.isEmpty()) {
            docs.add(trimSpace(piece));
        }
    }

    /** RE2's {@code \s}: {@code [\t\n\f\r ]}. */
    private static boolean isRe2Space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** Go's {@code strings.TrimSpace}: {@code unicode.IsSpace} at both ends. */
    static String trimSpace(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isGoSpace(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }

    /** Go's {@code unicode.IsSpace} (every such character is in the Basic Multilingual Plane). */
    static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** Go's string order: by UTF-8 bytes, which is the order of code points. */
    static int compareGo(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
