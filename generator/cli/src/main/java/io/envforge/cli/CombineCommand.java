package io.envforge.cli;

import io.envforge.pipeline.Combine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code envforge combine origin/envforge/shard-1-of-8 ...}: the shards' commits as one validated commit on HEAD. */
@Command(
        name = "combine",
        mixinStandardHelpOptions = true,
        description = "Combine the commits of sharded runs (generate --shard K/N, each on the same base) into one"
                + " commit on HEAD; the combined tree is validated once, and nothing moves on an error.")
final class CombineCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "The shards' branches or commits.")
    List<String> shards;

    @Option(names = "--schemas", description = "Folder of strict JSON Schemas to validate manifests against.")
    Path schemas;

    @Option(names = "--summary", description = "Also write the combined change's description to this file.")
    Path summary;

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Override
    public Integer call() {
        try {
            Combine.Result result =
                    Combine.run(workspace.toAbsolutePath().normalize(), Optional.ofNullable(schemas), shards);
            result.findingLines().forEach(System.out::println);
            System.out.print(result.message());
            System.out.println(result.commit()
                    .map(c -> "envforge: committed " + c)
                    .orElse("envforge: the shards changed nothing; no commit"));
            return SummaryOutput.write(summary, result.message());
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
