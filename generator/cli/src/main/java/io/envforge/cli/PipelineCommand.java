package io.envforge.cli;

import io.envforge.pipeline.deploy.DeployPipeline;
import io.envforge.pipeline.deploy.FailureLog;
import io.envforge.pipeline.deploy.PipelineSettings;
import io.envforge.pipeline.deploy.ProcessToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code envforge pipeline plan|apply|drift|destroy}: the pipeline behind the button, the one command the GitHub
 * workflow and the Jenkinsfile run. Exit codes: 0 done, 1 a step failed (its log is printed), 3 drift found.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Plan, apply, check drift of, or destroy environments with Terraform, stage by stage.",
        subcommands = {
            PipelineCommand.Plan.class,
            PipelineCommand.Apply.class,
            PipelineCommand.Drift.class,
            PipelineCommand.Destroy.class,
            PipelineComment.class
        })
final class PipelineCommand {

    /** Exit code of {@code drift} when an environment differs from Git. */
    static final int DRIFT = 3;

    /** Options every pipeline command takes. */
    static class Common {

        @Option(names = "--workspace", defaultValue = ".", description = "The GitOps repository's root.")
        Path workspace;

        @Option(
                names = "--work-dir",
                description = "Plans, logs, locks, report.json; default" + " <workspace>/target/envforge-pipeline.")
        Path workDir;

        @Option(
                names = "--terraform",
                defaultValue = "${env:ENVFORGE_TERRAFORM:-terraform}",
                description = "The Terraform CLI: terraform or tofu, a name on PATH or a path (ENVFORGE_TERRAFORM).")
        String terraform;

        @Option(names = "--output", description = "Write the Markdown (plan comment, report) to this file.")
        Path output;

        int run(
                Function<DeployPipeline, DeployPipeline.Outcome> command,
                Function<PipelineSettings, PipelineSettings> adjust) {
            Map<String, String> env = System.getenv();
            Path ws = workspace.toAbsolutePath().normalize();
            PipelineSettings defaults = PipelineSettings.defaults(ws, env);
            PipelineSettings settings = adjust.apply(
                    workDir == null
                            ? defaults
                            : new PipelineSettings(
                                    ws,
                                    workDir.toAbsolutePath(),
                                    defaults.parallelism(),
                                    defaults.lockTimeout(),
                                    defaults.readyTimeout(),
                                    defaults.smokeTimeout(),
                                    defaults.smokePorts(),
                                    defaults.resume(),
                                    env));
            try {
                DeployPipeline.Outcome outcome = command.apply(new DeployPipeline(
                        new ProcessToolRunner(Map.of("terraform", terraform), env), settings, System.out::println));
                int written = SummaryOutput.write(output, outcome.markdown());
                if (output == null) {
                    System.out.print(outcome.markdown());
                }
                outcome.failures().forEach(f -> System.err.print(FailureLog.render(f, env, 60)));
                if (!outcome.failures().isEmpty() || written != 0) {
                    return 1;
                }
                return outcome.differs() && this instanceof DriftOptions ? DRIFT : 0;
            } catch (RuntimeException e) {
                return Main.failed(e);
            }
        }
    }

    /** Drift's options: marks that exit code {@link #DRIFT} applies. */
    static class DriftOptions extends Common {}

    @Command(
            name = "plan",
            mixinStandardHelpOptions = true,
            description = "Plan the environments the change touches; write the pull request's comment.")
    static final class Plan extends Common implements Callable<Integer> {

        @Option(
                names = "--changed-from",
                required = true,
                description = "The pull request's base, e.g. origin/main: environments whose paths changed since"
                        + " the merge base are planned.")
        String ref;

        @Override
        public Integer call() {
            return run(p -> p.plan(ref), s -> s);
        }
    }

    @Command(
            name = "apply",
            mixinStandardHelpOptions = true,
            description = "Apply stage 1 then stage 2 of the environments the change touches, wait for the GitOps"
                    + " controller, smoke-check the API addresses; destroy the ones marked for decommission.")
    static final class Apply extends Common implements Callable<Integer> {

        @Option(names = "--changed-from", description = "The revision before the merge (push: github.event.before).")
        String ref;

        @Option(names = "--env", split = ",", description = "These environments instead of --changed-from.")
        List<String> envs;

        @Option(names = "--parallel", defaultValue = "4", description = "Environments applied at once.")
        int parallel;

        @Option(names = "--no-resume", description = "Run every step again, even those report.json records done.")
        boolean noResume;

        @Option(names = "--ready-timeout", defaultValue = "30", description = "Minutes for the controller's Ready.")
        long readyMinutes;

        @Option(names = "--smoke-timeout", defaultValue = "10", description = "Minutes for the API addresses.")
        long smokeMinutes;

        @Option(
                names = "--smoke-ports",
                split = ",",
                defaultValue = "443,9443",
                description = "API ports checked on each fixed address.")
        List<Integer> smokePorts;

        @Override
        public Integer call() {
            if ((ref == null) == (envs == null)) {
                System.err.println("[ERROR] apply: give either --changed-from REF or --env NAMES; for example"
                        + " --changed-from HEAD~1");
                return 1;
            }
            return run(
                    p -> ref != null ? p.apply(ref) : p.applyAll(envs),
                    s -> new PipelineSettings(
                            s.workspace(),
                            s.workDir(),
                            parallel,
                            s.lockTimeout(),
                            Duration.ofMinutes(readyMinutes),
                            Duration.ofMinutes(smokeMinutes),
                            smokePorts,
                            !noResume,
                            s.environment()));
        }
    }

    @Command(
            name = "drift",
            mixinStandardHelpOptions = true,
            description = "Plan every applied root with -detailed-exitcode; exit 3 when an environment differs.")
    static final class Drift extends DriftOptions implements Callable<Integer> {

        @Option(names = "--env", split = ",", description = "Only these environments (default: all).")
        List<String> envs = List.of();

        @Override
        public Integer call() {
            return run(p -> p.drift(envs), s -> s);
        }
    }

    @Command(
            name = "destroy",
            mixinStandardHelpOptions = true,
            description = "Destroy one environment marked for decommission (stage 2, then stage 1), then remove and"
                    + " commit its files.")
    static final class Destroy extends Common implements Callable<Integer> {

        @Parameters(index = "0", description = "The environment.")
        String env;

        @Override
        public Integer call() {
            return run(p -> p.destroy(env), s -> s);
        }
    }
}
