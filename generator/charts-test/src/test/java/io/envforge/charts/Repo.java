package io.envforge.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are: the repository root and the shared validation data (surefire system properties). */
final class Repo {

    private Repo() {}

    static Path root() {
        return Path.of(property("envforge.repo")).toAbsolutePath().normalize();
    }

    static Path shared() {
        return Path.of(property("envforge.shared")).toAbsolutePath().normalize();
    }

    static Path chartDir(String chart) {
        return root().resolve("charts").resolve(chart);
    }

    /** Chart folders under charts/, sorted. */
    static List<String> charts() {
        try (Stream<Path> dirs = Files.list(root().resolve("charts"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path golden(Scenario s) {
        return root().resolve("generator/charts-test/src/test/resources/golden")
                .resolve(s.chart())
                .resolve(s.name() + ".yaml");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven "
                    + "(mvn -f generator/pom.xml -pl charts-test verify) or pass -D" + name + "=...");
        }
        return value;
    }
}
