package io.envforge.validate;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding of a validation rule.
 *
 * @param severity how bad it is; the caller decides what fails
 * @param file the generated file, relative to the workspace
 * @param path where in the file ({@code Deployment/dev1/api-gateway spec.replicas}), or empty
 * @param message what is wrong
 */
public record Finding(Severity severity, String file, String path, String message) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparing(Finding::path)
            .thenComparing(Finding::message)
            .thenComparing(Finding::severity);

    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String file, String path, String message) {
        return new Finding(Severity.ERROR, file, path, message);
    }

    public static Finding warning(String file, String path, String message) {
        return new Finding(Severity.WARNING, file, path, message);
    }

    /** {@code [ERROR] overlays/dev1/kustomization.yaml: resources[1]: ...}. */
    public String render() {
        return "[" + severity + "] " + text();
    }

    /** {@link #render()} without the severity, for a logger that prints its own ({@code [WARNING]} in Maven). */
    public String text() {
        return file + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
