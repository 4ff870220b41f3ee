package io.envforge.model;

/**
 * The preparation Job that runs {@code ansible/playbooks/prepare.yml} inside the environment before the layers start
 * (ansible/README.md, "In the cluster").
 *
 * @param namespace its own namespace, {@code <env>-prepare}: PodSecurity {@code baseline}, because the NFS part must
 *     chown folders to the layers' uids, which {@code restricted} forbids
 * @param image the Ansible runner by digest ({@code repo@sha256:...}, {@code preparation.image}); null when not set,
 *     and then no Job is rendered (there is no published runner to default to)
 */
public record Preparation(String namespace, String image) {

    /** The preparation's folder below the overlay ({@code overlays/<env>/prepare/}), and its Flux Kustomization's suffix. */
    public static final String PART = "prepare";

    /** The part of {@link #image} that pins it: only digests, so a re-tagged image never runs unseen. */
    public static final String DIGEST = "@sha256:";

    /**
     * Where the runner image holds this repository's {@code ansible/} folder: the Job's working directory, where
     * {@code envforge images} puts it (image.RunnerImage).
     */
    public static final String ANSIBLE_HOME = "/opt/envforge/ansible";

    public Preparation {
        Checks.notBlank("preparation.namespace", namespace);
        if (image != null && !image.contains(DIGEST)) {
            throw new IllegalArgumentException(
                    "preparation.image must be pinned by digest (repo@sha256:...), not " + image);
        }
    }

    public static Preparation of(String env, String image) {
        return new Preparation(env + "-prepare", image);
    }

    /** True when a runner image is set and the Job is rendered. */
    public boolean runs() {
        return image != null;
    }
}
