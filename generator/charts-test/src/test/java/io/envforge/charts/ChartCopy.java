package io.envforge.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A throw-away copy of a chart under target/, for the Helm calls that cannot take the chart as it is. */
final class ChartCopy {

    private ChartCopy() {}

    static Path of(String chart) throws IOException {
        Path from = Repo.chartDir(chart);
        Path to = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chart-copies")), chart)
                .resolve(chart);
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
