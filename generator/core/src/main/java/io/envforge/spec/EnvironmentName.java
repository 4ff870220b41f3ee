package io.envforge.spec;

import io.envforge.error.Problem;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Environment names become Kubernetes namespaces, cloud resource names and file names, so they are short DNS labels.
 */
public final class EnvironmentName {

    /** Longest name: leaves room for the longest derived cloud name (an IAM role, a Key Vault). */
    public static final int MAX_LENGTH = 30;
    /**
     * Names an environment may not take, and why. An environment's name is its namespace, so a cluster's own
     * namespaces are refused: {@code default}, {@code kube-system}, {@code kube-public}, {@code kube-node-lease}
     * (kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/, "Initial namespaces"; the whole
     * {@code kube-} prefix is reserved there) and the controllers' {@code flux-system} (flux bootstrap's default
     * namespace) and {@code argocd} (Argo CD's install namespace, and envforge's fleet folder {@code clusters/argocd/}).
     * {@code platform} would be written over {@code environments/platform.yaml}; {@code envforge} is the folder
     * {@code clusters/<env>/envforge/} and the name prefix of generated objects.
     */
    private static final Map<String, String> RESERVED = Map.of(
            "argocd",
                    "clusters/argocd/ holds fleet-level files generated from all environments, and argocd is"
                            + " Argo CD's namespace",
            "platform", "environments/platform.yaml is the platform file",
            "envforge", "it is envforge's own folder and object-name prefix",
            "default", "it is a Kubernetes cluster's own namespace",
            "flux-system", "it is Flux's namespace in every cluster");

    private static final String KUBE_PREFIX = "kube-";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private EnvironmentName() {}

    /** The problem with {@code name}, if any. {@code source} and {@code path} say where the name came from. */
    public static Optional<Problem> check(String source, String path, String name) {
        String fix = "use a lower-case DNS label of 1.." + MAX_LENGTH + " characters (a-z, 0-9, '-'), e.g. dev1";
        if (name == null || name.isEmpty()) {
            return Optional.of(new Problem(source, path, "", "an environment name is required", fix));
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of(new Problem(
                    source, path, name, "is " + name.length() + " characters long, more than " + MAX_LENGTH, fix));
        }
        if (!LABEL.matcher(name).matches()) {
            return Optional.of(new Problem(source, path, name, "is not a DNS label", fix));
        }
        String why = RESERVED.get(name);
        if (why == null && name.startsWith(KUBE_PREFIX)) {
            why = "the kube- prefix is reserved for a Kubernetes cluster's own namespaces (kube-system, kube-public,"
                    + " kube-node-lease)";
        }
        if (why != null) {
            return Optional.of(new Problem(
                    source,
                    path,
                    name,
                    "is reserved: " + why,
                    "choose another name, e.g. " + (name.startsWith(KUBE_PREFIX) ? name.substring(5) : name) + "-1"));
        }
        return Optional.empty();
    }
}
