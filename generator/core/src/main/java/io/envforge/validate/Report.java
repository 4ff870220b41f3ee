package io.envforge.validate;

import java.util.ArrayList;
import java.util.List;

/** All findings of one validation, sorted. */
public record Report(List<Finding> findings) {

    public Report {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        findings = List.copyOf(sorted);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    public List<Finding> errors() {
        return findings.stream()
                .filter(f -> f.severity() == Finding.Severity.ERROR)
                .toList();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        findings.forEach(f -> out.append(f.render()).append('\n'));
        return out.toString();
    }

    public Report plus(Report other) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(other.findings);
        return new Report(all);
    }
}
