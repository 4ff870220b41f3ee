package io.envforge.api;

import io.envforge.emit.WriteResult;
import io.envforge.summary.ChangeSummary;
import io.envforge.summary.SummaryMarkdown;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did.
 *
 * @param environments the environments generated, sorted
 * @param report the validation report (no errors, or the run would have thrown)
 * @param write what changed on disk (or would have, in a dry run)
 * @param commit the new commit's id, if one was made
 * @param timings milliseconds per step name, summed over environments; {@code phase: ...} entries are wall clock
 * @param summary what changed (or would), object by object, for the pull request
 * @param unchanged the selected environments whose inputs did not change: not rendered again, files kept
 * @param decisions what a reviewer reads first (see {@link Decisions}); opens the console lines and the summary
 */
public record GenerateResult(
        List<String> environments,
        Report report,
        WriteResult write,
        Optional<String> commit,
        Map<String, Long> timings,
        ChangeSummary summary,
        List<String> unchanged,
        Decisions decisions) {

    public GenerateResult {
        environments = List.copyOf(environments);
        timings = Map.copyOf(timings);
        unchanged = List.copyOf(unchanged);
        java.util.Objects.requireNonNull(decisions, "decisions");
    }

    /** The environments rendered in this run. */
    public List<String> generated() {
        return environments.stream().filter(e -> !unchanged.contains(e)).toList();
    }

    /**
     * What the run did, as the command-line tool and the Maven plugin print it: the decisions per environment and the
     * next step, the environments generated (at most ten named) and the file counts, then the commit.
     */
    public List<String> lines() {
        List<String> generated = generated();
        String names = String.join(", ", generated.size() > 10 ? generated.subList(0, 10) : generated)
                + (generated.size() > 10 ? ", ..." : "");
        List<String> out = new java.util.ArrayList<>();
        decisions.lines().forEach(l -> out.add("envforge: " + l));
        out.add("envforge: generated " + generated.size() + " environment(s)"
                + (names.isEmpty() ? "" : " " + names) + "; files "
                + write.added().size() + " added, "
                + write.changed().size() + " changed, " + write.removed().size() + " removed, "
                + write.unchanged().size() + " unchanged");
        out.add(commit.map(c -> "envforge: committed " + c).orElse("envforge: nothing to commit"));
        return out;
    }

    /** The report's findings, one line each ({@code [WARNING] file: ...}), in the report's order. */
    public List<String> findingLines() {
        return report.findings().stream().map(Finding::render).toList();
    }

    /** The report's warnings, one line each ({@code [WARNING] file: ...}). */
    public List<String> warningLines() {
        return report.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.WARNING)
                .map(Finding::render)
                .toList();
    }

    /** The warnings' texts without the {@code [WARNING] } prefix, for a logger that prints the level itself. */
    public List<String> warningTexts() {
        return report.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.WARNING)
                .map(Finding::text)
                .toList();
    }

    /** The other findings' texts without their prefix, for a logger that prints the level itself. */
    public List<String> noteTexts() {
        return report.findings().stream()
                .filter(f -> f.severity() != Finding.Severity.WARNING)
                .map(Finding::text)
                .toList();
    }

    /** The report's other findings (notes), one line each. */
    public List<String> noteLines() {
        return report.findings().stream()
                .filter(f -> f.severity() != Finding.Severity.WARNING)
                .map(Finding::render)
                .toList();
    }

    /** The summary as Markdown (commit body, pull-request comment). */
    public String summaryMarkdown() {
        return decisions.markdown() + SummaryMarkdown.render(summary);
    }
}
