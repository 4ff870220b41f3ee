package io.envforge.git;

/** What the remote did with a push. Failures other than a rejection are thrown as problems. */
public enum PushStatus {
    /** The remote branch already pointed at the commit. */
    UP_TO_DATE,
    /** The remote branch now points at the pushed commit. */
    PUSHED,
    /** The remote branch moved meanwhile (not a fast-forward): fetch, re-apply, push again. */
    REJECTED
}
