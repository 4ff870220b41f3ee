package io.envforge.cli;

import io.envforge.error.EnvforgeException;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.GenerateRequest;
import io.envforge.pipeline.GenerateResult;
import io.envforge.pipeline.RunOptions;
import io.envforge.pipeline.ValidationFailedException;
import io.envforge.validate.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge generate --env dev1 --subnet 10.20.0.0/20}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Render, validate, write and commit environments.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--env", required = true, split = ",",
            description = "Environments: names, a glob such as perf-*, or all.")
    List<String> environments;

    @Option(names = "--subnet", description = "Private block of a new environment, e.g. 10.20.0.0/20.")
    String subnet;

    @Option(names = "--cloud", description = "Cloud of a new environment: aws or azure.")
    String cloud;

    @Option(names = "--force", description = "Allow changing an existing environment's block.")
    boolean force;

    @Option(names = "--schemas", description = "Folder of strict JSON Schemas to validate manifests against.")
    Path schemas;

    @Option(names = "--no-commit", negatable = false, description = "Write files but do not commit.")
    boolean noCommit;

    @Option(names = "--full", description = "Render every selected environment, even those with unchanged inputs.")
    boolean full;

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Override
    public Integer call() {
        GenerateRequest request = new GenerateRequest(workspace.toAbsolutePath().normalize(), environments,
                Optional.ofNullable(subnet), Optional.ofNullable(cloud), force, Optional.ofNullable(schemas),
                !noCommit, false);
        try {
            GenerateResult result = Envforge.standard(request.workspace())
                    .generate(request, new RunOptions(full, ConsoleProgress.forThisProcess()));
            result.report().findings().forEach(f -> System.out.println(f.render()));
            var w = result.write();
            List<String> generated = result.generated();
            System.out.println("envforge: files " + w.added().size() + " added, " + w.changed().size() + " changed, "
                    + w.removed().size() + " removed, " + w.unchanged().size() + " unchanged; generated "
                    + (generated.size() > 10 ? generated.size() + " environments" : String.join(", ", generated)));
            System.out.println(result.commit().map(c -> "envforge: committed " + c)
                    .orElse("envforge: nothing to commit"));
            return 0;
        } catch (ValidationFailedException e) {
            e.report().findings().stream().map(Finding::render).forEach(System.err::println);
            System.err.println("envforge: validation failed; nothing was written");
            return 1;
        } catch (EnvforgeException e) {
            System.err.println("[ERROR] " + e.getMessage().replace("\n", "\n[ERROR] "));
            return 1;
        }
    }
}
