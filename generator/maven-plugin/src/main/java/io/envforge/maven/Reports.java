package io.envforge.maven;

import io.envforge.pipeline.GenerateResult;
import io.envforge.validate.Finding;
import org.apache.maven.plugin.logging.Log;

/** Prints a result the way every envforge goal does. */
final class Reports {

    private Reports() {
    }

    static void log(Log log, GenerateResult result) {
        for (Finding f : result.report().findings()) {
            if (f.severity() == Finding.Severity.WARNING) {
                log.warn(f.render());
            } else {
                log.info(f.render());
            }
        }
        var w = result.write();
        var generated = result.generated();
        String names = String.join(", ", generated.size() > 10 ? generated.subList(0, 10) : generated)
                + (generated.size() > 10 ? ", ..." : "");
        log.info("envforge: generated " + generated.size() + " environment(s)" + (names.isEmpty() ? "" : " " + names)
                + "; files " + w.added().size() + " added, "
                + w.changed().size() + " changed, " + w.removed().size() + " removed, " + w.unchanged().size()
                + " unchanged");
        log.info(result.commit().map(c -> "envforge: committed " + c).orElse("envforge: nothing to commit"));
        if (log.isDebugEnabled()) {
            result.timings().forEach((step, ms) -> log.debug("envforge: step " + step + " " + ms + " ms"));
        }
    }
}
