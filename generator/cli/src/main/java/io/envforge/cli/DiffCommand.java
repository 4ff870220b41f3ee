package io.envforge.cli;

import io.envforge.error.EnvforgeException;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.GenerateRequest;
import io.envforge.pipeline.GenerateResult;
import io.envforge.pipeline.ValidationFailedException;
import io.envforge.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge diff --env dev1}: what {@code generate} would change, as the Markdown summary; writes nothing. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show what generate would change (the change summary); write and commit nothing.")
final class DiffCommand implements Callable<Integer> {

    @Option(names = "--env", required = true, split = ",", description = "Environments: names, a glob, or all.")
    List<String> environments;

    @Option(names = "--subnet", description = "Private block of a new environment.")
    String subnet;

    @Option(names = "--cloud", description = "Cloud of a new environment: aws or azure.")
    String cloud;

    @Option(names = "--force", description = "Show a re-addressing of an existing environment.")
    boolean force;

    @Option(names = "--schemas", description = "Folder of strict JSON Schemas to validate manifests against.")
    Path schemas;

    @Option(names = "--summary", description = "Also write the Markdown summary to this file (outside the tree).")
    Path summary;

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Override
    public Integer call() {
        GenerateRequest request = new GenerateRequest(workspace.toAbsolutePath().normalize(), environments,
                Optional.ofNullable(subnet), Optional.ofNullable(cloud), force, Optional.ofNullable(schemas),
                false, true);
        try {
            GenerateResult result = Envforge.standard(request.workspace()).generate(request);
            System.out.print(result.summaryMarkdown());
            return SummaryOutput.write(summary, result.summaryMarkdown());
        } catch (ValidationFailedException e) {
            e.report().findings().stream().map(Finding::render).forEach(System.err::println);
            return 1;
        } catch (EnvforgeException e) {
            System.err.println("[ERROR] " + e.getMessage().replace("\n", "\n[ERROR] "));
            return 1;
        }
    }
}

/** Writes the summary file a CI job posts as a comment. */
final class SummaryOutput {

    private SummaryOutput() {
    }

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
