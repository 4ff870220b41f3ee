package io.envforge.api;

/**
 * The counts a run ends with.
 *
 * @param generated environments rendered and validated
 * @param unchanged environments whose inputs did not change (not rendered again; their files were kept)
 * @param failed environments that could not be resolved, rendered or validated
 * @param millis wall time of the run
 */
public record RunSummary(int generated, int unchanged, int failed, long millis) {

    /** {@code 1000 generated, 0 unchanged, 0 failed in 12.3 s}. */
    public String render() {
        return generated + " generated, " + unchanged + " unchanged, " + failed + " failed in "
                + String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
