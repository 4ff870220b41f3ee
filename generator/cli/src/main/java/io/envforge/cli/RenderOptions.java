package io.envforge.cli;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The options and error mapping that {@code generate} and {@code diff} share (a picocli mixin). */
final class RenderOptions {

    @Option(
            names = "--env",
            required = true,
            split = ",",
            description = "Environments: names, a glob such as perf-*, or all.")
    List<String> environments;

    @Option(
            names = "--shard",
            description = "Only slice K of N of the selection (K/N, e.g. 2/8): the sorted names"
                    + " dealt round-robin, for N CI runners; see envforge combine.")
    String shard;

    @Option(
            names = "--subnet",
            description =
                    "Private block of a new environment, e.g. 10.20.0.0/20; from the" + " platform's pools when unset.")
    String subnet;

    @Option(names = "--cloud", description = "Cloud of a new environment: aws or azure.")
    String cloud;

    @Option(names = "--force", description = "Allow changing an existing environment's block.")
    boolean force;

    @Option(
            names = "--schemas",
            description = "Folder of strict JSON Schemas that add to and override the bundled" + " ones.")
    Path schemas;

    @Option(
            names = "--allow-unvalidated",
            description = "A generated kind with no schema is a warning, not an" + " error.")
    boolean allowUnvalidated;

    @Option(
            names = "--summary",
            description = "Also write the Markdown change summary to this file (outside the" + " tree).")
    Path summary;

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    GenerateRequest request(GenerateRequest.Mode mode) {
        return GenerateRequest.builder(workspace.toAbsolutePath().normalize())
                .environments(environments)
                .subnet(subnet)
                .cloud(cloud)
                .schemas(schemas)
                .force(force)
                .mode(mode)
                .allowUnvalidated(allowUnvalidated)
                .shard(shard)
                .build();
    }

    /** Runs the core, prints problems as the other commands do, writes the summary; returns the exit code. */
    int run(Supplier<GenerateResult> run) {
        try {
            return SummaryOutput.write(summary, run.get().summaryMarkdown());
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
