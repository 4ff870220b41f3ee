package io.envforge.render;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Generated files in memory: relative path (forward slashes) to text. Sorted, so every consumer sees one order.
 * Texts are normalised to LF line ends and exactly one final newline.
 */
public final class OutputTree {

    private final SortedMap<String, String> files;

    private OutputTree(SortedMap<String, String> files) {
        this.files = Collections.unmodifiableSortedMap(files);
    }

    public SortedMap<String, String> files() {
        return files;
    }

    public String get(String path) {
        return files.get(path);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects files; a path written twice is a bug in a renderer and fails at once. */
    public static final class Builder {

        private final SortedMap<String, String> files = new TreeMap<>();

        public Builder put(String path, String text) {
            checkPath(path);
            if (files.putIfAbsent(path, normalise(text)) != null) {
                throw new IllegalStateException("two renderers wrote " + path);
            }
            return this;
        }

        public Builder putAll(OutputTree other) {
            other.files.forEach(this::put);
            return this;
        }

        public boolean contains(String path) {
            return files.containsKey(path);
        }

        public String get(String path) {
            return files.get(path);
        }

        public OutputTree build() {
            return new OutputTree(new TreeMap<>(files));
        }

        private static void checkPath(String path) {
            if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                    || path.equals("..") || path.startsWith("../") || path.contains("/../") || path.endsWith("/")) {
                throw new IllegalArgumentException("not a clean relative path: " + path);
            }
        }
    }

    static String normalise(String text) {
        String lf = text.replace("\r\n", "\n");
        int end = lf.length();
        while (end > 0 && lf.charAt(end - 1) == '\n') {
            end--;
        }
        return lf.substring(0, end) + "\n";
    }

    /** Files under {@code prefix} (a folder path ending with '/'). */
    public Map<String, String> under(String prefix) {
        return files.subMap(prefix, prefix + Character.MAX_VALUE);
    }
}
