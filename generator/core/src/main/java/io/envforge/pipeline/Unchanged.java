package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.api.RunOptions;
import io.envforge.emit.OutputStamps;
import io.envforge.emit.TreeWriter;
import io.envforge.git.GitPublisher;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unchanged check, in one place: an environment is not rendered again when (1) the inputs digest recorded in its
 * {@code inputs.sha256} is that of its inputs now ({@link Fingerprint}), (2) its files on disk still have the recorded
 * outputs digest (read, or trusted by their stamps, {@link OutputStamps}), and (3) when the run commits, its files and
 * its spec are in HEAD as they are on disk ({@link GitPublisher#notAsCommitted}). (3) is what repairs an interrupted
 * run: files written but never committed (a kill during the commit, an {@code index.lock}, a run with
 * {@code -Denvforge.commit=false}) make the environment render again, and the commit phase then commits whatever
 * differs from HEAD.
 *
 * @param prints the inputs digest of every selected environment
 * @param toRender the selected environments to render, in selection order
 * @param same the selected environments left as they are, in selection order
 * @param stamps the output stamps the check read (and kept up to date), which the write adds to
 */
record Unchanged(Map<String, String> prints, List<String> toRender, List<String> same, OutputStamps stamps) {

    static Unchanged check(GenerateRequest request, RunOptions options, Inputs inputs, List<String> renderSteps) {
        return check(request, options, inputs, renderSteps, () -> {});
    }

    /** As above; {@code toRenderFound} runs (perhaps more than once, on any thread) as soon as one is to render. */
    static Unchanged check(
            GenerateRequest request,
            RunOptions options,
            Inputs inputs,
            List<String> renderSteps,
            Runnable toRenderFound) {
        Path out = request.outputDirectory();
        Fingerprint fingerprint =
                new Fingerprint(inputs.platform().content(), request.workspace().resolve("charts"), renderSteps);
        TreeWriter writer = Writers.of(out);
        OutputStamps stamps = OutputStamps.in(GitPublisher.gitDir(out));
        // a run that may write takes the record away before anything else (CommittedStamp)
        Set<String> committed = request.dryRun() ? Set.of() : CommittedStamp.take(out);
        Map<String, String> prints = new ConcurrentHashMap<>();
        Map<String, String> recorded = new ConcurrentHashMap<>();
        Set<String> same = ConcurrentHashMap.newKeySet();
        Set<String> byStamps = ConcurrentHashMap.newKeySet();
        // first the recorded inputs digests (one small file each), so that an environment whose inputs changed is found
        // (and Helm starts loading) within milliseconds, not after every other environment's files were looked at
        inputs.selected().parallelStream().forEach(name -> {
            String print = fingerprint.inputs(inputs.allSpecs().get(name).content());
            prints.put(name, print);
            Optional<String> outputs = !options.full() && !inputs.changedSpecs().contains(name)
                    ? recordedOutputs(writer, name, print)
                    : Optional.empty();
            outputs.ifPresentOrElse(o -> recorded.put(name, o), toRenderFound);
        });
        inputs.selected().parallelStream().filter(recorded::containsKey).forEach(name -> {
            OnDisk found = onDisk(writer, stamps, out, name, recorded.get(name));
            if (found != OnDisk.NO) {
                same.add(name);
                if (found == OnDisk.BY_STAMPS) {
                    byStamps.add(name);
                }
            } else {
                toRenderFound.run();
            }
        });
        if (!request.dryRun()) {
            stamps.save();
        }
        if (request.commit() && !request.dryRun() && !same.isEmpty()) {
            // as in HEAD at the end of the last committing run, and not touched since (their stamps): Git need not look
            List<String> ask = same.stream()
                    .filter(n -> !(committed.contains(n) && byStamps.contains(n)))
                    .sorted()
                    .toList();
            if (!ask.isEmpty()) {
                same.removeAll(notInHead(request, ask));
            }
        }
        if (same.size() < inputs.selected().size()) {
            toRenderFound.run();
        }
        return new Unchanged(
                Map.copyOf(prints),
                inputs.selected().stream().filter(n -> !same.contains(n)).toList(),
                inputs.selected().stream().filter(same::contains).toList(),
                stamps);
    }

    /**
     * After a write: stamps the rendered environments whose every owned file is, by its size and time, as the writer
     * left it ({@code verified}: taken right after writing or before reading an unchanged file), so the next run
     * trusts them without reading them. This is what {@code git checkout} does for the files it writes (their stat
     * goes into the index); the racy rule of {@link OutputStamps#record} leaves out an environment with a file
     * written within a clock tick of its file system (100 ms, or 2 s for times in whole seconds), and it is read next
     * time. Without it, the first run after a full one read all
     * 33,000 files of 1,000 environments and asked Git about them (docs/benchmark.md).
     */
    void recordWritten(Path out, OutputTree tree, Map<String, OutputStamps.Stamp> verified, long now) {
        toRender.parallelStream().forEach(name -> {
            String fingerprint = tree.files().get(Fingerprint.path(name));
            String inputs = prints.get(name);
            if (fingerprint == null || inputs == null) {
                return;
            }
            Optional<String> outputs = Fingerprint.recordedOutputs(fingerprint, inputs);
            SortedMap<String, OutputStamps.Stamp> files = OutputStamps.current(out, Layout.owned(name));
            boolean asWritten = !files.isEmpty()
                    && files.entrySet().stream().allMatch(e -> e.getValue().equals(verified.get(e.getKey())));
            if (outputs.isPresent() && asWritten) {
                stamps.record(name, outputs.get(), files, now);
            }
        });
        stamps.save();
    }

    /** How the unchanged check found an environment's files: not as recorded, or as recorded by stamps or reading. */
    private enum OnDisk {
        NO,
        BY_STAMPS,
        BY_READING
    }

    /** The outputs digest recorded in {@code name}'s {@code inputs.sha256}, if its inputs digest there is {@code inputs}. */
    private static Optional<String> recordedOutputs(TreeWriter writer, String name, String inputs) {
        return writer.read(Fingerprint.path(name)).flatMap(text -> Fingerprint.recordedOutputs(text, inputs));
    }

    /**
     * Whether the files on disk still match their {@code recorded} outputs digest: by their stamps if they were
     * verified before and have not been touched since, else by reading them.
     */
    private static OnDisk onDisk(TreeWriter writer, OutputStamps stamps, Path out, String name, String recorded) {
        long verified = System.currentTimeMillis();
        SortedMap<String, OutputStamps.Stamp> now = OutputStamps.current(out, Layout.owned(name));
        if (stamps.matches(name, recorded, now)) {
            return OnDisk.BY_STAMPS;
        }
        String outputs = Fingerprint.outputs(writer.contents(now.keySet()));
        if (!outputs.equals(recorded)) {
            return OnDisk.NO;
        }
        stamps.record(name, outputs, now, verified);
        return OnDisk.BY_READING;
    }

    /** Of {@code names}, those whose owned paths (or spec, when specs live in the output) differ from HEAD. */
    private static List<String> notInHead(GenerateRequest request, List<String> names) {
        boolean specsHere = request.outputDirectory().equals(request.workspace());
        Map<String, String> owner = new java.util.HashMap<>();
        for (String name : names) {
            Layout.owned(name).forEach(path -> owner.put(path, name));
            if (specsHere) {
                owner.put(Layout.spec(name), name);
            }
        }
        Set<String> dirty = new GitPublisher(request.outputDirectory()).notAsCommitted(owner.keySet());
        List<String> out = new ArrayList<>();
        for (String path : dirty) {
            // the owner is the path itself (a single owned file, the spec) or one of its folders
            for (int at = path.length(); at > 0; at = path.lastIndexOf('/', at - 1)) {
                String candidate = at == path.length() ? path : path.substring(0, at + 1);
                if (owner.containsKey(candidate)) {
                    out.add(owner.get(candidate));
                    break;
                }
            }
        }
        return out;
    }
}
