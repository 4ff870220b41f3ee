package io.envforge.api;

import io.envforge.validate.Report;

/** Validation found errors: nothing was written. Carries the whole report for the front-end to print. */
public final class ValidationFailedException extends RuntimeException {

    private final transient Report report;

    public ValidationFailedException(Report report) {
        super("validation failed with " + report.errors().size() + " error(s); nothing was written\n"
                + report.render());
        this.report = report;
    }

    public Report report() {
        return report;
    }

    /**
     * Each finding, in the report's order, as its level ({@code ERROR}, {@code WARNING} or {@code INFO}) and its text
     * without the level prefix, for a logger that prints the level itself (Maven's).
     */
    public java.util.List<java.util.Map.Entry<String, String>> leveledTexts() {
        return report.findings().stream()
                .map(f -> java.util.Map.entry(f.severity().name(), f.text()))
                .toList();
    }
}
