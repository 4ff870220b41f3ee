package io.envforge.pipeline;

import io.envforge.emit.WriteResult;
import io.envforge.summary.ChangeSummary;
import io.envforge.summary.SummaryMarkdown;
import java.util.List;

/** The commit message: a subject naming the environments, file counts, and the change summary as its body. */
final class CommitMessage {

    private CommitMessage() {
    }

    static String of(List<String> environments, WriteResult write, ChangeSummary summary) {
        String subject = environments.size() <= 3
                ? "envforge: generate " + String.join(", ", environments)
                : "envforge: generate " + environments.size() + " environments";
        return subject + "\n\n"
                + write.added().size() + " file(s) added, " + write.changed().size() + " changed, "
                + write.removed().size() + " removed.\n"
                + "Environments: " + String.join(", ", environments) + "\n\n" + SummaryMarkdown.render(summary);
    }
}
