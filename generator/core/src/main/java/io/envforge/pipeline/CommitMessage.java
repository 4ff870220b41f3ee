package io.envforge.pipeline;

import io.envforge.api.Decisions;
import io.envforge.summary.ChangeSummary;
import io.envforge.summary.SummaryMarkdown;
import java.util.List;

/**
 * The commit message: a subject naming the environments, then the decisions per environment with the file counts and
 * the next step (the same words as the console and the pull-request summary), the environments grouped (new,
 * regenerated, unchanged), and the change summary.
 */
final class CommitMessage {

    private CommitMessage() {}

    static String of(
            Inputs inputs, List<String> generated, List<String> unchanged, Decisions decisions, ChangeSummary summary) {
        String subject = generated.size() <= 3
                ? "envforge: generate " + String.join(", ", generated)
                : "envforge: generate " + generated.size() + " environments";
        List<String> created =
                generated.stream().filter(inputs.created()::contains).toList();
        List<String> updated =
                generated.stream().filter(e -> !inputs.created().contains(e)).toList();
        StringBuilder body = new StringBuilder(subject).append("\n\n").append(decisions.markdown());
        group(body, "New environments", created);
        group(body, "Regenerated environments", updated);
        if (!unchanged.isEmpty()) {
            body.append("Unchanged environments (not rendered): ")
                    .append(unchanged.size())
                    .append('\n');
        }
        return body.append('\n').append(SummaryMarkdown.render(summary)).toString();
    }

    private static void group(StringBuilder body, String title, List<String> names) {
        if (!names.isEmpty()) {
            body.append(title)
                    .append(" (")
                    .append(names.size())
                    .append("): ")
                    .append(String.join(", ", names))
                    .append('\n');
        }
    }
}
