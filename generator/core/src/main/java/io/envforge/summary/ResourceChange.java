package io.envforge.summary;

import java.util.List;

/**
 * One object or file that a run adds, changes or removes.
 *
 * @param type added, changed or removed
 * @param resource {@code Kind namespace/name}, {@code Kind name}, or {@code file} for a file that is not an object
 * @param file the generated file it is in
 * @param fields the changed fields (only for {@link Type#CHANGED})
 */
public record ResourceChange(Type type, String resource, String file, List<FieldChange> fields) {

    public enum Type {
        ADDED,
        CHANGED,
        REMOVED
    }

    public ResourceChange {
        fields = List.copyOf(fields);
    }

    /**
     * One changed field.
     *
     * @param path dotted path, list items as {@code [i]}
     * @param before the old value as shown ({@code (none)} when absent, {@code (redacted)} for secrets)
     * @param after the new value as shown
     */
    public record FieldChange(String path, String before, String after) {}
}
