package io.envforge.api;

import io.envforge.error.EnvforgeException;
import io.envforge.validate.Finding;
import java.util.List;
import java.util.Optional;

/**
 * How a run that failed on purpose is told, the same by the CLI and the Maven plugin: the validation findings (each
 * already one {@code [ERROR] file: ...} line), the problems (bad input: file, path, value and fix, one a line), and
 * a one-line summary.
 *
 * @param findings the report's lines, when validation failed
 * @param problems the problems' lines, when the input was bad
 * @param summary one line, such as {@code validation failed with 2 error(s); nothing was written}
 */
public record Failure(List<String> findings, List<String> problems, String summary) {

    public Failure {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    /** The failure {@code e} stands for when it is envforge's own (bad input, failed validation); empty for a bug. */
    public static Optional<Failure> of(RuntimeException e) {
        if (e instanceof ValidationFailedException v) {
            return Optional.of(new Failure(
                    v.report().findings().stream().map(Finding::render).toList(),
                    List.of(),
                    "validation failed with " + v.report().errors().size() + " error(s); nothing was written"));
        }
        if (e instanceof EnvforgeException x) {
            return Optional.of(new Failure(List.of(), List.of(x.getMessage().split("\n")), x.getMessage()));
        }
        return Optional.empty();
    }

    /** The lines a terminal shows: the findings, then each problem as {@code [ERROR] ...}. */
    public List<String> consoleLines() {
        return java.util.stream.Stream.concat(
                        findings.stream(), problems.stream().map(p -> "[ERROR] " + p))
                .toList();
    }
}
