package io.envforge.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The documents of every golden YAML file (src/test/resources/golden: expected trees, Helm's manifests among them,
 * and inputs), as SnakeYAML reads them: what {@link BlockEmitterTest} and {@link BlockParserTest} compare on.
 */
final class GoldenYaml {

    /** One document: the file, its text (cut at {@code ---} lines) and what SnakeYAML made of it. */
    record Doc(Path file, String text, List<Map<String, Object>> parsed) {}

    private GoldenYaml() {}

    /** Each document SnakeYAML reads; those it refuses (Helm templates, inputs made to be bad) left out. */
    static List<Doc> documents() throws IOException {
        List<Doc> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (String text : split(Files.readString(file))) {
                    try {
                        out.add(new Doc(file, text, Yaml.snakeLoadAll(text)));
                    } catch (RuntimeException e) {
                        // a Helm template or an input made to be bad
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** A file cut at its {@code ---} lines. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder doc = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.equals("---")) {
                out.add(doc.toString());
                doc.setLength(0);
            } else {
                doc.append(line).append('\n');
            }
        }
        out.add(doc.toString());
        return out;
    }
}
