package io.envforge.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front-end asks for. The Maven plugin and the CLI each map their options to one of these.
 *
 * @param workspace the GitOps repository's root (holds {@code environments/}, {@code charts/})
 * @param environments names, {@code all}, or globs such as {@code perf-*}
 * @param subnet the block for a new environment (only with a single environment)
 * @param cloud the cloud for a new environment; the platform default when empty
 * @param force allow changing an existing environment's block
 * @param schemas a folder of strict JSON Schemas that add to and override the bundled ones, or empty
 * @param commit commit the generated paths with JGit
 * @param dryRun render and validate, report what would change, write nothing
 * @param publish push the commit to a remote (see {@link PublishingRun}); {@link Envforge#generate} ignores it
 * @param output where the tree is written and committed (a clone of a separate GitOps repository); the workspace
 *     when empty. Specs and charts are always read from the workspace.
 * @param allowUnvalidated a generated kind with no schema (bundled or in {@code schemas}) is a warning instead of an
 *     error: the user's explicit opt-out ({@code -Denvforge.allowUnvalidated=true})
 */
public record GenerateRequest(Path workspace, List<String> environments, Optional<String> subnet,
        Optional<String> cloud, boolean force, Optional<Path> schemas, boolean commit, boolean dryRun,
        Optional<Publish> publish, Optional<Path> output, boolean allowUnvalidated) {

    public GenerateRequest {
        Objects.requireNonNull(workspace, "workspace");
        environments = List.copyOf(environments);
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(schemas, "schemas");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(output, "output");
    }

    /** The folder the tree is written to and committed in. */
    public Path outputDirectory() {
        return output.orElse(workspace);
    }

    /** A request that validates every kind. */
    public GenerateRequest(Path workspace, List<String> environments, Optional<String> subnet, Optional<String> cloud,
            boolean force, Optional<Path> schemas, boolean commit, boolean dryRun, Optional<Publish> publish,
            Optional<Path> output) {
        this(workspace, environments, subnet, cloud, force, schemas, commit, dryRun, publish, output, false);
    }

    /** The same request; {@code value}: a kind without a schema is a warning, not an error. */
    public GenerateRequest withAllowUnvalidated(boolean value) {
        return new GenerateRequest(workspace, environments, subnet, cloud, force, schemas, commit, dryRun, publish,
                output, value);
    }

    /** A request that does not publish. */
    public GenerateRequest(Path workspace, List<String> environments, Optional<String> subnet, Optional<String> cloud,
            boolean force, Optional<Path> schemas, boolean commit, boolean dryRun) {
        this(workspace, environments, subnet, cloud, force, schemas, commit, dryRun, Optional.empty(), Optional.empty());
    }

    /** A request for one environment with the defaults of {@code mvn generate}. */
    public static GenerateRequest of(Path workspace, String environment, String subnet) {
        return new GenerateRequest(workspace, List.of(environment), Optional.ofNullable(subnet), Optional.empty(),
                false, Optional.empty(), true, false);
    }

    public GenerateRequest withSchemas(Path folder) {
        return new GenerateRequest(workspace, environments, subnet, cloud, force, Optional.of(folder), commit, dryRun,
                publish, output, allowUnvalidated);
    }

    public GenerateRequest withCommit(boolean value) {
        return new GenerateRequest(workspace, environments, subnet, cloud, force, schemas, value, dryRun, publish,
                output, allowUnvalidated);
    }

    public GenerateRequest withForce(boolean value) {
        return new GenerateRequest(workspace, environments, subnet, cloud, value, schemas, commit, dryRun, publish,
                output, allowUnvalidated);
    }

    public GenerateRequest withDryRun(boolean value) {
        return new GenerateRequest(workspace, environments, subnet, cloud, force, schemas, commit, value, publish,
                output, allowUnvalidated);
    }

    public GenerateRequest withPublish(Publish value) {
        return new GenerateRequest(workspace, environments, subnet, cloud, force, schemas, commit, dryRun,
                Optional.ofNullable(value), output, allowUnvalidated);
    }

    /** The same request limited to shard {@code kOverN} ({@code 2/8}) of its selection (see {@link Shard}). */
    public GenerateRequest withShard(String kOverN) {
        List<String> selectors = new java.util.ArrayList<>(environments);
        selectors.add(Shard.selector(kOverN));
        return new GenerateRequest(workspace, selectors, subnet, cloud, force, schemas, commit, dryRun, publish, output);
    }

    /** The same request, writing and committing into {@code folder} (a clone of a separate GitOps repository). */
    public GenerateRequest withOutput(Path folder) {
        return new GenerateRequest(workspace, environments, subnet, cloud, force, schemas, commit, dryRun, publish,
                Optional.ofNullable(folder), allowUnvalidated);
    }
}
