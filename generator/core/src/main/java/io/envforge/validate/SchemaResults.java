package io.envforge.validate;

import io.envforge.cache.Digests;
import io.envforge.cache.DiskCache;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schema rule's findings per file, kept across runs in a {@link DiskCache}: keyed by the SHA-256 of the file's
 * text (with whether it is a kustomization, which picks the schema) and the schema set's digest, so a file whose text
 * and schemas did not change is not converted and validated again. One cache entry per bucket (an environment): the
 * file digests of its last validation and their findings, written back only when they changed.
 */
final class SchemaResults {

    private final DiskCache cache;
    private final String schemaSet;

    SchemaResults(DiskCache cache, String schemaSet) {
        this.cache = cache;
        this.schemaSet = schemaSet;
    }

    /** The recorded findings by file digest: each finding as severity, path and message, without the file. */
    Map<String, List<String[]>> load(String bucket) {
        Map<String, List<String[]>> out = new TreeMap<>();
        Optional<byte[]> bytes = cache.get(key(bucket));
        if (bytes.isEmpty()) {
            return out;
        }
        String[] lines = new String(bytes.get(), StandardCharsets.UTF_8).split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].isEmpty()) {
            String[] head = lines[i++].split("\t");
            List<String[]> findings = new ArrayList<>();
            for (int n = Integer.parseInt(head[1]); n > 0; n--) {
                String[] f = lines[i++].split("\t", -1);
                findings.add(new String[] {f[0], unescape(f[1]), unescape(f[2])});
            }
            out.put(head[0], findings);
        }
        return out;
    }

    void store(String bucket, Map<String, List<String[]>> results) {
        StringBuilder text = new StringBuilder();
        results.forEach((digest, findings) -> {
            text.append(digest).append('\t').append(findings.size()).append('\n');
            findings.forEach(f -> text.append(f[0]).append('\t').append(escape(f[1])).append('\t')
                    .append(escape(f[2])).append('\n'));
        });
        cache.put(key(bucket), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String digest(String file, String text) {
        return Digests.key(file.endsWith("kustomization.yaml") ? "kustomization" : "object", text);
    }

    static String[] encode(Finding f) {
        return new String[] {f.severity().name(), f.path(), f.message()};
    }

    static Finding decode(String file, String[] f) {
        return new Finding(Finding.Severity.valueOf(f[0]), file, f[1], f[2]);
    }

    private String key(String bucket) {
        return Digests.key("schema findings v1", schemaSet, bucket);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
