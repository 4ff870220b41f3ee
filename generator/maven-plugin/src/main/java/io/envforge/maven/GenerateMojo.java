package io.envforge.maven;

import io.envforge.error.EnvforgeException;
import io.envforge.git.Credentials;
import io.envforge.git.PushStatus;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.GenerateRequest;
import io.envforge.pipeline.GenerateResult;
import io.envforge.pipeline.RunOptions;
import io.envforge.pipeline.Publish;
import io.envforge.pipeline.PublishResult;
import io.envforge.pipeline.PublishingRun;
import io.envforge.pipeline.ValidationFailedException;
import io.envforge.validate.Finding;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn generate -Denv=dev1 -Dsubnet=10.20.0.0/20}: renders, validates, writes and commits environments. Maps
 * its parameters to a {@link GenerateRequest} and calls the core; nothing else.
 */
@Mojo(name = "generate", requiresProject = true, aggregator = true, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** Environments: a name, a comma-separated list, a glob such as {@code perf-*}, or {@code all}. */
    @Parameter(property = "env", required = true)
    String env;

    /** The private block of a new environment, such as {@code 10.20.0.0/20}. */
    @Parameter(property = "subnet")
    String subnet;

    /** The cloud of a new environment ({@code aws} or {@code azure}); the platform default when unset. */
    @Parameter(property = "cloud")
    String cloud;

    /** Allow changing an existing environment's block (destructive for a live network). */
    @Parameter(property = "force", defaultValue = "false")
    boolean force;

    /** Folder of strict JSON Schemas ({@code kubernetes/}, {@code crds/}, {@code schemastore/}). */
    @Parameter(property = "envforge.schemas")
    File schemas;

    /** Commit the generated paths with JGit. */
    @Parameter(property = "envforge.commit", defaultValue = "true")
    boolean commit;

    /** Render every selected environment, even those whose inputs (spec, platform, charts, generator) are unchanged. */
    @Parameter(property = "envforge.full", defaultValue = "false")
    boolean full;

    /**
     * Push the commit: {@code branch} (to {@code envforge/<env>}, for a pull request) or {@code direct} (to the
     * target branch). Credentials come from {@code ENVFORGE_GIT_TOKEN} (HTTPS) or {@code ENVFORGE_GIT_SSH_KEY} (SSH).
     */
    @Parameter(property = "envforge.push")
    String push;

    /** Where to push: a configured remote's name, or the URL of a separate GitOps repository. */
    @Parameter(property = "envforge.remote", defaultValue = "origin")
    String remote;

    /** Where a separate GitOps repository is cloned (and kept between runs). */
    @Parameter(defaultValue = "${project.build.directory}/envforge-gitops", readonly = true)
    File gitopsClone;

    /** Where the Markdown change summary goes, for the pull-request comment (outside the GitOps tree). */
    @Parameter(property = "envforge.summary", defaultValue = "${project.build.directory}/envforge-summary.md")
    File summary;

    /** The GitOps repository's root. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    @Override
    public void execute() throws MojoFailureException {
        GenerateRequest request = new GenerateRequest(workspace.toPath(), split(env), Optional.ofNullable(subnet),
                Optional.ofNullable(cloud), force, schemaFolder(), commit, false);
        try {
            Envforge envforge = Envforge.standard(workspace.toPath());
            RunOptions options = new RunOptions(full, new LogProgress(getLog()));
            GenerateResult generated;
            if (push == null || push.isBlank()) {
                generated = envforge.generate(request, options);
                Reports.log(getLog(), generated);
            } else {
                Publish publish = Publish.to(remote, Publish.Mode.parse("-Denvforge.push", push)).withWorkDir(
                        gitopsClone.toPath());
                PublishResult result = new PublishingRun(envforge, Credentials.fromEnvironment(System.getenv()))
                        .withOptions(options).run(request.withPublish(publish));
                generated = result.generation();
                Reports.log(getLog(), generated);
                getLog().info("envforge: " + (result.status() == PushStatus.PUSHED ? "pushed to " : "up to date: ")
                        + result.remote() + " " + result.branch());
            }
            SummaryFile.write(summary, generated.summaryMarkdown(), getLog());
        } catch (ValidationFailedException e) {
            e.report().findings().stream().map(Finding::render).forEach(getLog()::error);
            throw new MojoFailureException("validation failed with " + e.report().errors().size()
                    + " error(s); nothing was written");
        } catch (EnvforgeException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private Optional<java.nio.file.Path> schemaFolder() {
        if (schemas == null) {
            return Optional.empty();
        }
        if (!schemas.isDirectory()) {
            getLog().warn("schema folder " + schemas + " not found: manifests are not checked against schemas");
            return Optional.empty();
        }
        return Optional.of(schemas.toPath());
    }

    static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
