package io.envforge.cli;

import io.envforge.api.Failure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar envforge.jar <command>}: the front-end for CI servers without a Maven project. */
@Command(
        name = "envforge",
        mixinStandardHelpOptions = true,
        version = "envforge 0.1.0",
        description = "Generates validated GitOps trees for many environments.",
        subcommands = {
            GenerateCommand.class,
            DiffCommand.class,
            RemoveCommand.class,
            PoolsCommand.class,
            PipelineCommand.class,
            VerifyCommand.class,
            ImagesCommand.class,
            CombineCommand.class
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 done, 1 bad input or failed validation, 2 usage error. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /**
     * Prints a failure as the core tells it ({@link Failure}) on stderr and returns exit code 1; rethrows a bug.
     */
    static int failed(RuntimeException e) {
        Failure failure = Failure.of(e).orElseThrow(() -> e);
        failure.consoleLines().forEach(System.err::println);
        if (!failure.findings().isEmpty()) {
            System.err.println("envforge: " + failure.summary());
        }
        return 1;
    }
}
