package io.envforge.render;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Generated files in memory: relative path (forward slashes) to text. Sorted, so every consumer sees one order.
 * Texts are normalised to LF line ends and exactly one final newline. A YAML file that a renderer dumped from objects
 * (or parsed, as Helm's output) also keeps those documents, so the validator and the change summary need not parse
 * its text again: parsing was most of a fleet run's Java work. The documents are what parsing the text gives
 * ({@code KeptDocumentsTest} checks it for every golden file), so a reader may use either.
 */
public final class OutputTree {

    private static final OutputTree EMPTY = new OutputTree(new TreeMap<>(), Map.of());

    private final SortedMap<String, String> files;
    private final Map<String, Docs> documents;

    /** A file's documents, given or parsed on first use (then kept); thread-safe. */
    private static final class Docs {
        private Supplier<List<Map<String, Object>>> source;
        private volatile List<Map<String, Object>> docs;

        Docs(Supplier<List<Map<String, Object>>> source) {
            this.source = source;
        }

        List<Map<String, Object>> get() {
            List<Map<String, Object>> out = docs;
            if (out == null) {
                synchronized (this) {
                    if (docs == null) {
                        docs = List.copyOf(source.get());
                        source = null;
                    }
                    out = docs;
                }
            }
            return out;
        }

        /** Forgets the documents; the next {@link #get} takes them from {@code again}. */
        synchronized void release(Supplier<List<Map<String, Object>>> again) {
            docs = null;
            source = again;
        }
    }

    private OutputTree(SortedMap<String, String> files, Map<String, Docs> documents) {
        this.files = Collections.unmodifiableSortedMap(files);
        this.documents = Collections.unmodifiableMap(documents);
    }

    public SortedMap<String, String> files() {
        return files;
    }

    public String get(String path) {
        return files.get(path);
    }

    /**
     * Lets go of the parsed documents kept with the texts (in this tree and in every tree that shares them); asked
     * for again, they are parsed from the text. A run needs them for validation and the change summary only: after
     * those, 1,000 environments' documents were most of the heap still live through write and commit, and the full
     * collections they caused (docs/benchmark.md).
     */
    public void releaseDocuments() {
        documents.forEach((path, docs) -> docs.release(() -> Yaml.loadAll(files.get(path))));
    }

    /** The parsed documents of a YAML file, if the renderer that wrote it kept them; else parse {@link #get}. */
    public Optional<List<Map<String, Object>>> documents(String path) {
        return Optional.ofNullable(documents.get(path)).map(Docs::get);
    }

    /** This tree and {@code other}'s files, which must be different paths (texts are kept as they are). */
    public OutputTree plus(OutputTree other) {
        SortedMap<String, String> merged = new TreeMap<>(files);
        other.files.forEach((path, text) -> {
            if (merged.putIfAbsent(path, text) != null) {
                throw new IllegalStateException("two renderers wrote " + path);
            }
        });
        Map<String, Docs> docs = new HashMap<>(documents);
        docs.putAll(other.documents);
        return new OutputTree(merged, docs);
    }

    /** No files: what a renderer returns when it has nothing to write for an environment. */
    public static OutputTree empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects files; a path written twice is a bug in a renderer and fails at once. */
    public static final class Builder {

        private final SortedMap<String, String> files = new TreeMap<>();
        private final Map<String, Docs> documents = new HashMap<>();

        public Builder put(String path, String text) {
            checkPath(path);
            if (files.putIfAbsent(path, normalise(text)) != null) {
                throw new IllegalStateException("two renderers wrote " + path);
            }
            return this;
        }

        /** A YAML text with its documents, which must be what parsing the text gives. */
        public Builder put(String path, String text, List<Map<String, Object>> docs) {
            put(path, text);
            List<Map<String, Object>> copy = List.copyOf(docs);
            documents.put(path, new Docs(() -> copy));
            return this;
        }

        /**
         * A YAML text whose documents are parsed only when someone asks for them ({@link OutputTree#documents}), by
         * {@code parse}, which must give what parsing the text gives. A run whose validation comes from the cache
         * never asks.
         */
        public Builder putLazily(String path, String text, Supplier<List<Map<String, Object>>> parse) {
            put(path, text);
            documents.put(path, new Docs(parse));
            return this;
        }

        /** One YAML document after {@code header}, dumped by {@link Yaml#dump}. */
        public Builder putDocument(String path, String header, Map<String, Object> doc) {
            return put(path, header + Yaml.dump(doc), List.of(doc));
        }

        /** YAML documents after {@code header}, each after {@code ---}, dumped by {@link Yaml#dumpAll}. */
        public Builder putDocuments(String path, String header, List<Map<String, Object>> docs) {
            return put(path, header + Yaml.dumpAll(docs), docs);
        }

        /** Copies one file of another tree (its text is normalised already), with its documents if it has them. */
        public Builder copy(OutputTree other, String path) {
            if (files.putIfAbsent(path, other.get(path)) != null) {
                throw new IllegalStateException("two renderers wrote " + path);
            }
            Docs docs = other.documents.get(path);
            if (docs != null) {
                documents.put(path, docs);
            }
            return this;
        }

        public Builder putAll(OutputTree other) {
            other.files.keySet().forEach(path -> copy(other, path));
            return this;
        }

        public String get(String path) {
            return files.get(path);
        }

        public OutputTree build() {
            return new OutputTree(new TreeMap<>(files), new HashMap<>(documents));
        }

        private static void checkPath(String path) {
            if (path.isEmpty()
                    || path.startsWith("/")
                    || path.contains("\\")
                    || path.contains("//")
                    || path.equals("..")
                    || path.startsWith("../")
                    || path.contains("/../")
                    || path.endsWith("/")) {
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
