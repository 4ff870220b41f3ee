package io.envforge.maven;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Envforge;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn envforge:diff -Denv=dev1}: renders and validates like {@code generate}, prints the change summary and
 * writes nothing into the tree, commits nothing.
 */
@Mojo(name = "diff", requiresProject = true, aggregator = true, threadSafe = true)
public class DiffMojo extends RenderingMojo {

    @Override
    public void execute() throws MojoFailureException {
        GenerateRequest request = request(GenerateRequest.Mode.DRY_RUN, "envforge:diff");
        run(() -> {
            GenerateResult result = Envforge.standard(workspace.toPath()).generate(request);
            result.summaryMarkdown().lines().forEach(getLog()::info);
            return result;
        });
    }
}
