package io.envforge.pipeline;

import io.envforge.api.Decisions;
import io.envforge.api.GenerateRequest;
import io.envforge.emit.WriteResult;
import io.envforge.error.EnvforgeException;
import io.envforge.model.Environment;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.render.Layout;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Makes a run's {@link Decisions} (see there): what a reviewer reads first. */
final class DecisionLines {

    /** At most this many environments are described one by one; the rest are counted. */
    static final int SHOWN = 20;

    private DecisionLines() {}

    static Decisions of(
            GenerateRequest request,
            Inputs inputs,
            ModelResolver resolver,
            SortedMap<String, Cidr> blocks,
            List<String> rendered,
            List<String> unchanged,
            Report report,
            WriteResult write) {
        List<String> out = new ArrayList<>();
        for (String name : rendered.subList(0, Math.min(SHOWN, rendered.size()))) {
            out.add(rendered(request, inputs, resolver.resolve(inputs.allSpecs().get(name), blocks), report));
        }
        if (rendered.size() > SHOWN) {
            out.add("... and " + (rendered.size() - SHOWN) + " more environment(s) generated (see the summary)");
        }
        for (String name : unchanged.subList(0, Math.min(SHOWN, unchanged.size()))) {
            out.add(name + ": up to date: its files match " + Layout.spec(name) + " (block "
                    + inputs.allSpecs().get(name).block() + ") and this generator; not rendered again");
        }
        if (unchanged.size() > SHOWN) {
            out.add("... and " + (unchanged.size() - SHOWN) + " more environment(s) up to date");
        }
        out.add("files: " + write.added().size() + " added, " + write.changed().size() + " changed, "
                + write.removed().size() + " removed");
        out.add("next: " + next(request, inputs, rendered, write));
        return new Decisions(out);
    }

    private static String rendered(GenerateRequest request, Inputs inputs, Environment env, Report report) {
        boolean created = inputs.created().contains(env.name());
        String block = env.network().cidr()
                + (created
                        ? request.subnet().isPresent()
                                ? " (given with -Dsubnet)"
                                : " (allocated: the lowest free block of the platform's pools)"
                        : "");
        List<Finding> warnings = report.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.WARNING)
                .filter(f -> belongsTo(f.file(), env.name()))
                .toList();
        String validated = report.findings().stream()
                .filter(f -> f.severity() == Finding.Severity.INFO)
                .filter(f -> f.file().equals("environment " + env.name()))
                .map(Finding::message)
                .findFirst()
                .orElse("not validated");
        return env.name() + (created ? " (new)" : "") + ": "
                + env.cloud().name().toLowerCase(java.util.Locale.ROOT)
                + " " + env.region() + ", block " + block + ", API layer fixed at "
                + String.join(" and ", env.network().apiAddresses()) + ", DNS " + env.apiHostname() + " and "
                + env.portalHostname() + "; " + validated + "; "
                + unpinned(env)
                        .map(images -> (warnings.size() + 1) + " warning(s), first: " + images)
                        .orElseGet(() -> "images pinned by digest; "
                                + (warnings.isEmpty()
                                        ? "no warning"
                                        : warnings.size() + " warning(s), first: "
                                                + warnings.get(0).text()));
    }

    /**
     * The layers' images that are referenced by tag, as a warning: a tag such as {@code 4.3.0} has been rebuilt
     * upstream, so two peers started from it at different times can run different builds (issue 12).
     */
    static java.util.Optional<String> unpinned(Environment env) {
        List<String> byTag = env.layers().stream()
                .map(layer -> layer.image())
                .filter(image -> image.digest().isEmpty())
                .map(image -> image.reference())
                .toList();
        return byTag.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of("images by tag, not pinned: " + String.join(", ", byTag)
                        + " (pin with envforge images pin, then envforge images)");
    }

    private static boolean belongsTo(String file, String env) {
        return file.startsWith("overlays/" + env + "/")
                || file.startsWith("clusters/" + env + "/")
                || file.startsWith("terraform/environments/" + env + "/")
                || file.equals(Layout.spec(env));
    }

    private static String next(GenerateRequest request, Inputs inputs, List<String> rendered, WriteResult write) {
        boolean changed = !write.added().isEmpty()
                || !write.changed().isEmpty()
                || !write.removed().isEmpty();
        if (!changed) {
            return "nothing to do; change environments/<env>.yaml and run again, or create an environment with"
                    + " -Denv=<new name>" + nextBlock(request, inputs);
        }
        if (request.dryRun()) {
            return "run again without the dry run to write these files";
        }
        if (!request.commit()) {
            return "review with git status and git diff, then commit (or run again without -Denvforge.commit=false)";
        }
        String env = rendered.size() == 1 ? rendered.get(0) : "<env>";
        return "review the commit (git show --stat HEAD) and push it for a pull request (-Denvforge.push=branch"
                + " pushes envforge/" + env + "); the pipeline posts the Terraform plan on the pull request, and on"
                + " merge applies stage 1 (terraform/environments/" + env + "), stage 2 (cluster-addons/) and waits"
                + " for the GitOps controller (README, 'Bringing an environment up')";
    }

    /** {@code  (... it gets 10.64.0.0/20, the next free block of the pools)}, or how to give one when they are full. */
    private static String nextBlock(GenerateRequest request, Inputs inputs) {
        try {
            // the address ledger counts too: a block reserved by a pending pull request is not free
            Map<String, Cidr> next = Allocation.allocate(
                    inputs.platform(),
                    inputs.allSpecs().values(),
                    io.envforge.spec.Ledger.read(request.outputDirectory()),
                    List.of("next"));
            return " (--env on the CLI; it gets " + next.get("next") + ", the next free block of the pools)";
        } catch (EnvforgeException e) {
            return " and -Dsubnet=CIDR (--env, --subnet on the CLI; the pools are full)";
        }
    }
}
