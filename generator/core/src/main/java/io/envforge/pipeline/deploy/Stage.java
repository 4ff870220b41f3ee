package io.envforge.pipeline.deploy;

import io.envforge.render.Layout;

/**
 * The two Terraform roots of an environment, in apply order: stage 1 (network, cluster, database, NFS, secret store)
 * in {@code terraform/environments/<env>/}, stage 2 (what runs in the cluster, reading stage 1's remote state) in its
 * {@code cluster-addons/} folder. Destroy runs them in the opposite order.
 */
public enum Stage {
    STAGE1("stage 1", ""),
    STAGE2("stage 2", "cluster-addons/");

    private final String label;
    private final String folder;

    Stage(String label, String folder) {
        this.label = label;
        this.folder = folder;
    }

    /** {@code stage 1} or {@code stage 2}. */
    public String label() {
        return label;
    }

    /** The root's folder, relative to the workspace, with a final slash. */
    public String root(String env) {
        return Layout.terraform(env) + folder;
    }
}
