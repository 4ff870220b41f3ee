package io.envforge.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Writes the change summary where CI picks it up for the pull-request comment (never into the GitOps tree). */
final class SummaryFile {

    private SummaryFile() {}

    static void write(File file, String markdown, Log log) throws MojoFailureException {
        if (file == null) {
            return;
        }
        try {
            File parent = file.getAbsoluteFile().getParentFile();
            Files.createDirectories(parent.toPath());
            Files.writeString(file.toPath(), markdown, StandardCharsets.UTF_8);
            log.info("envforge: change summary in " + file);
        } catch (IOException e) {
            throw new MojoFailureException(file + ": cannot write the change summary: " + e.getMessage()
                    + "; set -Denvforge.summary to a writable file");
        }
    }
}
