package io.envforge.api;

/** The text of the progress lines both front-ends print. */
public final class ProgressLines {

    private ProgressLines() {}

    /** {@code envforge: 3 environment(s) selected, 2 to render, 1 unchanged}. */
    public static String started(int selected, int toRender) {
        return "envforge: " + selected + " environment(s) selected, " + toRender + " to render, "
                + (selected - toRender) + " unchanged";
    }

    /** {@code envforge: rendered 2/3}, with {@code , 1 failed} when one did. */
    public static String rendered(int done, int total, int failed) {
        return "envforge: rendered " + done + "/" + total + (failed > 0 ? ", " + failed + " failed" : "");
    }

    /** {@code envforge: dev1 failed}. */
    public static String failed(String environment) {
        return "envforge: " + environment + " failed";
    }

    /** {@code envforge: write ...}. */
    public static String step(String name) {
        return "envforge: " + name + " ...";
    }

    /** {@code envforge: 1000 generated, 0 unchanged, 0 failed in 12.3 s}. */
    public static String finished(RunSummary summary) {
        return "envforge: " + summary.render();
    }
}
