package io.envforge.model;

import java.util.regex.Pattern;

/**
 * A container image reference.
 *
 * @param repository registry and repository
 * @param tag the tag; it starts with the product version (the charts derive the product home from it)
 * @param digest the manifest digest the pods run ({@code sha256:...}), or empty when the spec pins none
 */
public record Image(String repository, String tag, String digest) {

    private static final Pattern DIGEST = Pattern.compile("^sha256:[0-9a-f]{64}$");

    public Image {
        Checks.notBlank("image.repository", repository);
        Checks.notBlank("image.tag", tag);
        digest = digest == null ? "" : digest;
        if (!digest.isEmpty() && !DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("image.digest \"" + digest + "\": sha256:<64 hex digits> expected");
        }
    }

    public Image(String repository, String tag) {
        this(repository, tag, "");
    }

    /**
     * The reference a container runs, as the charts render it ({@code <chart>.image} in their _helpers.tpl):
     * {@code repository@digest} when pinned, else {@code repository:tag}.
     */
    public String reference() {
        return digest.isEmpty() ? repository + ":" + tag : repository + "@" + digest;
    }
}
