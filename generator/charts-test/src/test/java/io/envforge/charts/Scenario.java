package io.envforge.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One {@code charts/<chart>/ci/<name>-values.yaml} file: a named way to install a chart. */
record Scenario(String chart, String name, Path valuesFile) {

    static final String SUFFIX = "-values.yaml";

    Scenario {
        if (!valuesFile.getFileName().toString().equals(name + SUFFIX)) {
            throw new IllegalArgumentException("valuesFile " + valuesFile + " does not match scenario " + name);
        }
    }

    /** Every scenario of every chart, sorted by chart then name. */
    static List<Scenario> all() {
        return Repo.charts().stream().flatMap(Scenario::of).toList();
    }

    static Stream<Scenario> of(String chart) {
        Path ci = Repo.chartDir(chart).resolve("ci");
        try (Stream<Path> files = Files.list(ci)) {
            return files
                    .filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .map(f -> new Scenario(chart, stripSuffix(f), f))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ci, e);
        }
    }

    static Scenario named(String chart, String name) {
        return of(chart)
                .filter(s -> s.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + chart + "/ci/" + name + SUFFIX));
    }

    private static String stripSuffix(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - SUFFIX.length());
    }

    /** The release name the generator uses: the chart name. */
    String release() {
        return chart;
    }

    @Override
    public String toString() {
        return chart + "/" + name;
    }
}
