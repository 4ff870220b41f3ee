package io.envforge.cli;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Envforge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code envforge diff --env dev1}: what {@code generate} would change, as the Markdown summary; writes nothing. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Show what generate would change (the change summary); write and commit nothing.")
final class DiffCommand implements Callable<Integer> {

    @Mixin
    RenderOptions options;

    @Override
    public Integer call() {
        return options.run(() -> {
            GenerateRequest request = options.request(GenerateRequest.Mode.DRY_RUN);
            GenerateResult result = Envforge.standard(request.workspace()).generate(request);
            System.out.print(result.summaryMarkdown());
            return result;
        });
    }
}

/** Writes the summary file a CI job posts as a comment. */
final class SummaryOutput {

    private SummaryOutput() {}

    static int write(Path file, String markdown) {
        if (file == null) {
            return 0;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, markdown);
            return 0;
        } catch (IOException e) {
            System.err.println("[ERROR] " + file + ": cannot write the summary: " + e.getMessage()
                    + "; give --summary a writable file");
            return 1;
        }
    }
}
