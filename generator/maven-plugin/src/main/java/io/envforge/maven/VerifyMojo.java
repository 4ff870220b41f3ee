package io.envforge.maven;

import io.envforge.pipeline.Verify;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn envforge:verify}, the pull-request check: schemas, overlapping blocks (specs and address ledger) and
 * generated files that differ from what {@code generate} would write; one error per problem, fails on any.
 */
@Mojo(name = "verify", requiresProject = true, aggregator = true, threadSafe = true)
public class VerifyMojo extends AbstractMojo {

    /** Folder of strict JSON Schemas ({@code kubernetes/}, {@code crds/}, {@code schemastore/}). */
    @Parameter(property = "envforge.schemas")
    File schemas;

    /** Render every environment, even those whose recorded inputs and outputs digests match. */
    @Parameter(property = "envforge.full", defaultValue = "false")
    boolean full;

    /** The GitOps repository's root. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File workspace;

    @Override
    public void execute() throws MojoFailureException {
        Verify.Result result;
        try {
            result = Verify.run(workspace.toPath(), Optional.ofNullable(schemas).map(File::toPath), full);
        } catch (RuntimeException e) {
            throw Mojos.failure(e, getLog());
        }
        result.warnings().forEach(getLog()::warn);
        result.problemLines().forEach(getLog()::error);
        getLog().info(result.line());
        if (!result.ok()) {
            throw new MojoFailureException(
                    "verify found " + result.problemLines().size() + " problem(s)");
        }
    }
}
