package io.envforge.spec;

import io.envforge.error.Problem;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Environment names become Kubernetes namespaces, cloud resource names and file names, so they are short DNS labels.
 */
public final class EnvironmentName {

    /** Longest name: leaves room for the longest derived cloud name (an IAM role, a Key Vault). */
    public static final int MAX_LENGTH = 30;
    /** Names of fleet-level folders under {@code clusters/}. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("argocd");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private EnvironmentName() {
    }

    /** The problem with {@code name}, if any. {@code source} and {@code path} say where the name came from. */
    public static Optional<Problem> check(String source, String path, String name) {
        String fix = "use a lower-case DNS label of 1.." + MAX_LENGTH + " characters (a-z, 0-9, '-'), e.g. dev1";
        if (name == null || name.isEmpty()) {
            return Optional.of(new Problem(source, path, "", "an environment name is required", fix));
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(new Problem(source, path, name,
                    "is " + name.length() + " characters long, more than " + MAX_LENGTH, fix));
        }
        if (!LABEL.matcher(name).matches()) {
            return Optional.of(new Problem(source, path, name, "is not a DNS label", fix));
        }
        if (RESERVED.contains(name)) {
            return Optional.of(new Problem(source, path, name, "is reserved: clusters/" + name
                    + "/ holds fleet-level files generated from all environments", "choose another name, e.g. "
                    + name + "-1"));
        }
        return Optional.empty();
    }
}
