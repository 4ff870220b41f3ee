package io.envforge.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.envforge.render.Yaml;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of one generated file, by identity: Kubernetes objects as {@code Kind namespace/name}; a YAML or JSON
 * file without named objects (Helm values, Argo CD parameters) as one object {@code file}; any other file (Markdown,
 * HCL, INI) as its text.
 */
final class FileObjects {

    static final String FILE = "file";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FileObjects() {}

    /** An object: its parsed content (a map, or the text) and whether it is a Secret. */
    record Parsed(Object content, boolean secret) {}

    /** {@code docs}: the text's YAML documents if already parsed, or null. */
    static Map<String, Parsed> of(String path, String text, List<Map<String, Object>> docs) {
        Map<String, Parsed> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        try {
            if (path.endsWith(".yaml") || path.endsWith(".yml")) {
                for (Map<String, Object> doc : docs != null ? docs : Yaml.loadAll(text)) {
                    out.put(id(doc), new Parsed(doc, "Secret".equals(doc.get("kind"))));
                }
                return out;
            }
            if (path.endsWith(".json")) {
                out.put(FILE, new Parsed(JSON.readValue(text, Map.class), false));
                return out;
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        out.put(FILE, new Parsed(text, false));
        return out;
    }

    @SuppressWarnings("unchecked")
    static String id(Map<String, Object> doc) {
        Object kind = doc.get("kind");
        if (kind == null || !(doc.get("metadata") instanceof Map<?, ?>)) {
            return kind == null ? FILE : String.valueOf(kind);
        }
        Map<String, Object> metadata = (Map<String, Object>) doc.get("metadata");
        Object name = metadata.get("name");
        Object namespace = metadata.get("namespace");
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
