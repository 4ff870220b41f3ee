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
}
