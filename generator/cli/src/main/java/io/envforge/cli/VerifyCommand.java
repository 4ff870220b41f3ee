package io.envforge.cli;

import io.envforge.pipeline.Verify;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge verify}: the pull-request check; exit 1 with one error line per problem. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check specs, platform file and address ledger (schemas, overlapping blocks) and that the"
                + " committed generated files are what generate would write. Writes nothing.")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Option(names = "--schemas", description = "Folder of strict JSON Schemas to validate manifests against.")
    Path schemas;

    @Option(
            names = "--full",
            description = "Render every environment, even those whose recorded inputs and" + " outputs digests match.")
    boolean full;

    @Override
    public Integer call() {
        try {
            Verify.Result result =
                    Verify.run(workspace.toAbsolutePath().normalize(), Optional.ofNullable(schemas), full);
            result.warnings().forEach(w -> System.out.println("[WARNING] " + w));
            result.errorLines().forEach(System.err::println);
            System.out.println(result.line());
            return result.ok() ? 0 : 1;
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
