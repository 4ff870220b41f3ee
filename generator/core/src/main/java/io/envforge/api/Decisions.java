package io.envforge.api;

import java.util.List;

/**
 * What a reviewer reads first, in the same words on the console, in the commit message and in the pull-request
 * summary: per environment the decisions the run made (cloud, region, the block and where it came from, the API
 * layer's fixed addresses, its DNS names, what it was validated against, its warnings), the file counts, and the next
 * step. Environments whose files were up to date say so, with the next step for that case.
 *
 * @param lines the text, one decision per line, without a prefix
 */
public record Decisions(List<String> lines) {

    public Decisions {
        lines = List.copyOf(lines);
    }

    /** The Markdown section that opens the commit body and the pull-request summary. */
    public String markdown() {
        StringBuilder md = new StringBuilder("## envforge decisions\n\n");
        lines.forEach(l -> md.append("- ").append(l).append('\n'));
        return md.append('\n').toString();
    }
}
