package io.envforge.api;

import io.envforge.git.PushStatus;

/**
 * What a publishing run did.
 *
 * @param generation the last generation (the one that was pushed)
 * @param remote the remote's URL, without credentials
 * @param branch the remote branch pushed to
 * @param status {@link PushStatus#PUSHED} or {@link PushStatus#UP_TO_DATE}
 * @param attempts how many generations it took (more than one when the remote moved meanwhile)
 */
public record PublishResult(GenerateResult generation, String remote, String branch, PushStatus status, int attempts) {

    /** What the push did, as the tools print it. */
    public String line() {
        return "envforge: " + (status == PushStatus.PUSHED ? "pushed to " : "up to date: ") + remote + " " + branch;
    }
}
