package io.envforge.pipeline;

/**
 * The decommission marker {@code environments/<env>.decommission}: committed by {@code remove} for a live
 * environment, it makes the pipeline show the destroy plan in the pull request and, once merged, destroy the
 * environment's cloud resources and then remove its files. Not a spec ({@code SpecReader} reads {@code *.yaml} only),
 * so generation does not see it.
 */
public final class Decommissioning {

    private Decommissioning() {}

    /** The marker's path, relative to the workspace. */
    public static String marker(String env) {
        return io.envforge.render.Layout.decommissionMarker(env);
    }

    static String markerText(String env) {
        return "# envforge: environment " + env + " is being decommissioned. Written by envforge remove.\n"
                + "# On the pull request the pipeline plans its destroy; once merged, it destroys stage 2, lifts the\n"
                + "# database's deletion protection (final snapshot kept) and destroys stage 1, then commits the\n"
                + "# removal of the environment's files and of this marker. Delete this file before the merge to\n"
                + "# cancel.\n";
    }
}
