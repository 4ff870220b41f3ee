package io.envforge.maven;

import io.envforge.error.EnvforgeException;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.GenerateRequest;
import io.envforge.pipeline.GenerateResult;
import io.envforge.pipeline.ValidationFailedException;
import io.envforge.validate.Finding;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn envforge:diff -Denv=dev1}: renders and validates like {@code generate}, prints the change summary and
 * writes nothing into the tree, commits nothing.
 */
@Mojo(name = "diff", requiresProject = true, aggregator = true, threadSafe = true)
public class DiffMojo extends AbstractMojo {

    /** Environments: a name, a comma-separated list, a glob such as {@code perf-*}, or {@code all}. */
    @Parameter(property = "env", required = true)
    String env;

    /** The private block of a new environment, such as {@code 10.20.0.0/20}. */
    @Parameter(property = "subnet")
    String subnet;

    /** The cloud of a new environment; the platform default when unset. */
    @Parameter(property = "cloud")
    String cloud;

    /** Show a re-addressing of an existing environment. */
    @Parameter(property = "force", defaultValue = "false")
    boolean force;

    /** Folder of strict JSON Schemas. */
    @Parameter(property = "envforge.schemas")
    File schemas;

    /** Where the Markdown summary goes (outside the GitOps tree). */
    @Parameter(property = "envforge.summary", defaultValue = "${project.build.directory}/envforge-summary.md")
    File summary;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    @Override
    public void execute() throws MojoFailureException {
        GenerateRequest request = new GenerateRequest(workspace.toPath(), GenerateMojo.split(env),
                Optional.ofNullable(subnet), Optional.ofNullable(cloud), force,
                Optional.ofNullable(schemas).filter(File::isDirectory).map(File::toPath), false, true);
        try {
            GenerateResult result = Envforge.standard(workspace.toPath()).generate(request);
            result.summaryMarkdown().lines().forEach(getLog()::info);
            SummaryFile.write(summary, result.summaryMarkdown(), getLog());
        } catch (ValidationFailedException e) {
            e.report().findings().stream().map(Finding::render).forEach(getLog()::error);
            throw new MojoFailureException("validation failed with " + e.report().errors().size() + " error(s)");
        } catch (EnvforgeException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }
}
