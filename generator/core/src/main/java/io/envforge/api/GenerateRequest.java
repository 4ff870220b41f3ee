package io.envforge.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front-end asks for. The Maven plugin and the CLI each map their options to one of these, with
 * {@link #builder}.
 *
 * @param workspace the GitOps repository's root (holds {@code environments/}, {@code charts/})
 * @param environments names, {@code all}, or globs such as {@code perf-*}
 * @param subnet the block for a new environment (only with a single environment)
 * @param cloud the cloud for a new environment; the platform default when empty
 * @param force allow changing an existing environment's block
 * @param schemas a folder of strict JSON Schemas that add to and override the bundled ones, or empty
 * @param mode commit, write only, or write nothing (see {@link Mode})
 * @param publish push the commit to a remote (see {@code PublishingRun}); {@code Envforge#generate} ignores it
 * @param output where the tree is written and committed (a clone of a separate GitOps repository); the workspace
 *     when empty. Specs and charts are always read from the workspace.
 * @param allowUnvalidated a generated kind with no schema (bundled or in {@code schemas}) is a warning instead of an
 *     error: the user's explicit opt-out ({@code -Denvforge.allowUnvalidated=true})
 * @param shard only this slice of the selection ({@code -Dshard=K/N}, {@code --shard K/N}); all of it when empty
 */
public record GenerateRequest(
        Path workspace,
        List<String> environments,
        Optional<String> subnet,
        Optional<String> cloud,
        boolean force,
        Optional<Path> schemas,
        Mode mode,
        Optional<Publish> publish,
        Optional<Path> output,
        boolean allowUnvalidated,
        Optional<Shard> shard) {

    /** What a run does with the tree it rendered and validated. */
    public enum Mode {
        /** Write the tree and commit the generated paths ({@code mvn generate}). */
        COMMIT,
        /** Write the tree, commit nothing ({@code -Denvforge.commit=false}, {@code --no-commit}). */
        WRITE,
        /** Report what would change, write nothing ({@code envforge:diff}). */
        DRY_RUN;

        /** The mode of the former pair of flags: a dry run writes nothing, whatever {@code commit} said. */
        public static Mode of(boolean commit, boolean dryRun) {
            return dryRun ? DRY_RUN : commit ? COMMIT : WRITE;
        }
    }

    public GenerateRequest {
        Objects.requireNonNull(workspace, "workspace");
        environments = List.copyOf(environments);
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(schemas, "schemas");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(shard, "shard");
    }

    /** A request for {@code workspace}; by default all environments, committed, no subnet, cloud or schemas. */
    public static Builder builder(Path workspace) {
        return new Builder(workspace);
    }

    /** A request for one environment with the defaults of {@code mvn generate}. */
    public static GenerateRequest of(Path workspace, String environment, String subnet) {
        return builder(workspace).environments(environment).subnet(subnet).build();
    }

    /** True when the run commits. */
    public boolean commit() {
        return mode == Mode.COMMIT;
    }

    /** True when the run writes nothing. */
    public boolean dryRun() {
        return mode == Mode.DRY_RUN;
    }

    /** The folder the tree is written to and committed in. */
    public Path outputDirectory() {
        return output.orElse(workspace);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder(workspace);
        b.environments = environments;
        b.subnet = subnet;
        b.cloud = cloud;
        b.force = force;
        b.schemas = schemas;
        b.mode = mode;
        b.publish = publish;
        b.output = output;
        b.allowUnvalidated = allowUnvalidated;
        b.shard = shard;
        return b;
    }

    public GenerateRequest withSchemas(Path folder) {
        return toBuilder().schemas(folder).build();
    }

    /** Commit, or only write; a dry run stays a dry run. */
    public GenerateRequest withCommit(boolean value) {
        return dryRun()
                ? this
                : toBuilder().mode(value ? Mode.COMMIT : Mode.WRITE).build();
    }

    public GenerateRequest withForce(boolean value) {
        return toBuilder().force(value).build();
    }

    public GenerateRequest withMode(Mode value) {
        return toBuilder().mode(value).build();
    }

    public GenerateRequest withPublish(Publish value) {
        return toBuilder().publish(value).build();
    }

    /** The same request, writing and committing into {@code folder} (a clone of a separate GitOps repository). */
    public GenerateRequest withOutput(Path folder) {
        return toBuilder().output(folder).build();
    }

    /** The same request; {@code value}: a kind without a schema is a warning, not an error. */
    public GenerateRequest withAllowUnvalidated(boolean value) {
        return toBuilder().allowUnvalidated(value).build();
    }

    /** Builds a {@link GenerateRequest}; every setter accepts null for "not given". */
    public static final class Builder {
        private final Path workspace;
        private List<String> environments = List.of("all");
        private Optional<String> subnet = Optional.empty();
        private Optional<String> cloud = Optional.empty();
        private boolean force;
        private Optional<Path> schemas = Optional.empty();
        private Mode mode = Mode.COMMIT;
        private Optional<Publish> publish = Optional.empty();
        private Optional<Path> output = Optional.empty();
        private boolean allowUnvalidated;
        private Optional<Shard> shard = Optional.empty();

        private Builder(Path workspace) {
            this.workspace = workspace;
        }

        public Builder environments(List<String> value) {
            environments = value;
            return this;
        }

        public Builder environments(String... value) {
            return environments(List.of(value));
        }

        public Builder subnet(String value) {
            subnet = Optional.ofNullable(value);
            return this;
        }

        public Builder cloud(String value) {
            cloud = Optional.ofNullable(value);
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public Builder schemas(Path value) {
            schemas = Optional.ofNullable(value);
            return this;
        }

        public Builder mode(Mode value) {
            mode = value;
            return this;
        }

        public Builder publish(Publish value) {
            publish = Optional.ofNullable(value);
            return this;
        }

        public Builder output(Path value) {
            output = Optional.ofNullable(value);
            return this;
        }

        public Builder allowUnvalidated(boolean value) {
            allowUnvalidated = value;
            return this;
        }

        /** Limits the selection to shard {@code kOverN} ({@code 2/8}); refuses a bad value (see {@link Shard}). */
        public Builder shard(String kOverN) {
            shard = Shard.parse(kOverN);
            return this;
        }

        public Builder shard(Shard value) {
            shard = Optional.ofNullable(value);
            return this;
        }

        public GenerateRequest build() {
            return new GenerateRequest(
                    workspace,
                    environments,
                    subnet,
                    cloud,
                    force,
                    schemas,
                    mode,
                    publish,
                    output,
                    allowUnvalidated,
                    shard);
        }
    }
}
