package io.envforge.cli;

import io.envforge.pipeline.Pools;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code envforge pools}: size, prefix, used and free blocks of each address pool. */
@Command(
        name = "pools",
        mixinStandardHelpOptions = true,
        description = "Show how full each address pool of environments/platform.yaml is.")
final class PoolsCommand implements Callable<Integer> {

    @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
    Path workspace;

    @Override
    public Integer call() {
        try {
            Path ws = workspace.toAbsolutePath().normalize();
            Pools.lines(ws).forEach(System.out::println);
            Pools.warnings(ws).forEach(System.out::println);
            return 0;
        } catch (RuntimeException e) {
            return Main.failed(e);
        }
    }
}
