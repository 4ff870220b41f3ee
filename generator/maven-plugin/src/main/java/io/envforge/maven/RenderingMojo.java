package io.envforge.maven;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters and error mapping that {@code generate} and {@code diff} share: both render environments. */
abstract class RenderingMojo extends AbstractMojo {

    /** Environments: a name, a comma-separated list, a glob such as {@code perf-*}, or {@code all}. */
    @Parameter(property = "env")
    String env;

    /** Only slice K of N of the selection ({@code -Dshard=2/8}), for N CI runners; see {@code envforge combine}. */
    @Parameter(property = "shard")
    String shard;

    /** The private block of a new environment, such as {@code 10.20.0.0/20}; from the pools when unset. */
    @Parameter(property = "subnet")
    String subnet;

    /** The cloud of a new environment ({@code aws} or {@code azure}); the platform default when unset. */
    @Parameter(property = "cloud")
    String cloud;

    /** Allow changing an existing environment's block (destructive for a live network). */
    @Parameter(property = "force")
    String force;

    /**
     * A folder of strict JSON Schemas ({@code kubernetes/}, {@code crds/}, {@code schemastore/}) that add to and
     * override the schemas bundled with envforge.
     */
    @Parameter(property = "envforge.schemas")
    File schemas;

    /** A generated kind with no schema is a warning instead of an error (an explicit opt-out). */
    @Parameter(property = "envforge.allowUnvalidated")
    String allowUnvalidated;

    /** Where the Markdown change summary goes, for the pull-request comment (outside the GitOps tree). */
    @Parameter(property = "envforge.summary", defaultValue = "${project.build.directory}/envforge-summary.md")
    File summary;

    /** The GitOps repository's root. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    /** What the user asked for, as the core's request. */
    GenerateRequest request(GenerateRequest.Mode mode, String goal) throws MojoFailureException {
        GenerateRequest.Builder request = GenerateRequest.builder(workspace.toPath())
                .environments(split(Parameters.env(env, goal)))
                .subnet(subnet)
                .cloud(cloud)
                .schemas(schemas == null ? null : schemas.toPath())
                .force(Parameters.flag("force", force, false))
                .mode(mode)
                .allowUnvalidated(Parameters.flag("envforge.allowUnvalidated", allowUnvalidated, false));
        try {
            return request.shard(shard).build();
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
    }

    /** Runs the core and maps its exceptions to Maven's; writes the summary file. */
    void run(Run run) throws MojoFailureException {
        try {
            GenerateResult result = run.call();
            SummaryFile.write(summary, result.summaryMarkdown(), getLog());
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
    }

    /** One call of the core. */
    interface Run {
        GenerateResult call();
    }

    static List<String> split(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
