package io.envforge.api;

import java.util.List;
import java.util.SortedMap;

/**
 * Tells whether an environment's Terraform roots still hold resources, so that {@code remove} never drops the files of
 * a live environment. The pipeline's implementation runs {@code terraform state list} through its tool runner.
 */
@FunctionalInterface
public interface StateProbe {

    /**
     * Not checked: for environments known never to have been applied (and tests of the file handling alone). The
     * front-ends use it only when told so ({@code --no-state-check}).
     */
    StateProbe NOT_CHECKED = env -> new java.util.TreeMap<>();

    /** Per Terraform root folder of {@code env} whose state still has resources, their addresses; empty: none. */
    SortedMap<String, List<String>> live(String env);
}
