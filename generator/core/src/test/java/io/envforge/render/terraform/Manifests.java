package io.envforge.render.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the generated overlay's YAML documents and walks them by dotted paths. */
final class Manifests {

    private Manifests() {}

    /** Every document of {@code overlays/<env>/<file>}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> docs(String env, String file) {
        try {
            String text = Files.readString(Roots.overlay(env).resolve(file));
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
                if (doc != null) {
                    out.add((Map<String, Object>) doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> kind(String env, String file, String kind) {
        return docs(env, file).stream()
                .filter(d -> kind.equals(d.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + file));
    }

    /** The value at a dotted path ({@code spec.nfs.server}); list indexes are numbers. */
    @SuppressWarnings("unchecked")
    static Object at(Object node, String path) {
        Object current = node;
        for (String part : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(part));
            } else {
                current = ((Map<String, Object>) current).get(part);
            }
            if (current == null) {
                throw new AssertionError("no " + path);
            }
        }
        return current;
    }

    static Path root(String env) {
        return Roots.root(env);
    }
}
