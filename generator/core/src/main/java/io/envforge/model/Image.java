package io.envforge.model;

/** A container image reference. */
public record Image(String repository, String tag) {

    public Image {
        Checks.notBlank("image.repository", repository);
        Checks.notBlank("image.tag", tag);
    }
}
