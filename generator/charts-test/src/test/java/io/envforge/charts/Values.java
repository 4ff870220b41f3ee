package io.envforge.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A scenario's effective values: the chart's values.yaml with the scenario file merged over it, as Helm does. */
final class Values {

    private Values() {}

    static Map<String, Object> of(Scenario s) {
        return merge(read(Repo.chartDir(s.chart()).resolve("values.yaml")), read(s.valuesFile()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return doc == null ? new LinkedHashMap<>() : (Map<String, Object>) doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            if (v instanceof Map && out.get(k) instanceof Map) {
                out.put(k, merge((Map<String, Object>) out.get(k), (Map<String, Object>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }
}
