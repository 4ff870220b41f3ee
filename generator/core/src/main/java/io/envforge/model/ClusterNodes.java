package io.envforge.model;

import java.util.List;

/**
 * The nodes of the environment's Kubernetes cluster: one pool over both zones.
 *
 * @param size {@code small}, {@code medium} or {@code large}; the Terraform renderer maps it to each cloud's machine type
 * @param min the fewest nodes, at least one per zone
 * @param max the most nodes the pool may grow to
 */
public record ClusterNodes(String size, int min, int max) {

    public static final List<String> SIZES = List.of("small", "medium", "large");
    /** Platform defaults when neither the spec nor the platform file's spec.defaults.cluster sets a value. */
    public static final String DEFAULT_SIZE = "medium";

    public static final int DEFAULT_MIN = 2;
    public static final int DEFAULT_MAX = 6;

    public ClusterNodes {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("cluster.nodeSize must be one of " + SIZES + ", not " + size);
        }
        Checks.atLeast("cluster.nodes.min", min, 2);
        Checks.atLeast("cluster.nodes.max", max, min);
    }
}
