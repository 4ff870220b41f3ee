package io.envforge.model;

/** The cloud an environment runs in. */
public enum Cloud {
    AWS,
    AZURE;

    /** The lower-case id used in specs, file names and values ({@code aws}, {@code azure}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Cloud of(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
