package io.envforge.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.envforge.model.Preparation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The preparation Job's image (an Ansible runner), built and pushed by jib-core without a Docker engine: a Python base
 * pinned by digest, one layer with the locked wheels unpacked into {@link #SITE} (and the collections the roles use),
 * the console scripts of their entry points in {@link #BIN}, and one layer with this repository's {@code ansible/}
 * folder at the Job's working directory ({@link Preparation#ANSIBLE_HOME}). The Job runs {@code ansible-playbook ...}
 * from there (PreparationManifests).
 *
 * <p>What the image's configuration adds to the base's (jib keeps the base's environment and adds these):
 * {@code PYTHONPATH=}{@link #SITE}, so both {@code ansible-playbook} and the modules it runs with the same interpreter
 * (the inventory's {@code ansible_python_interpreter: '{{ ansible_playbook_python }}'}) import the locked packages;
 * {@code LANG=C.UTF-8}, because ansible-core refuses to start without a UTF-8 locale (ansible-core
 * {@code lib/ansible/cli/__init__.py}, {@code initialize_locale}: "Ansible requires the locale encoding to be UTF-8");
 * {@code PYTHONDONTWRITEBYTECODE=1}, because the Job's root file system is read-only.
 *
 * @param base the Python base, {@code repository:tag@sha256:...}; its {@code python3} must be the lock's version
 * @param target where to push, {@code registry/repository:tag}
 * @param insecure allow a plain-HTTP registry (a test registry on 127.0.0.1)
 * @param cache jib's layer cache and the wheels' cache
 */
public record RunnerImage(String base, String target, boolean insecure, Path cache) {

    /** Where the wheels are unpacked; on {@code PYTHONPATH}. */
    public static final String SITE = "/opt/envforge/python";
    /**
     * Where the console scripts go: on the PATH of the Python images (the official {@code python} images' PATH starts
     * with {@code /usr/local/bin}, where their {@code python3} is), so the Job's {@code ansible-playbook} is found
     * without changing the base's PATH.
     */
    public static final String BIN = "/usr/local/bin";

    private static final Pattern PINNED = Pattern.compile("^[^@\\s]+@sha256:[0-9a-f]{64}$");
    private static final Pattern DATA = Pattern.compile("^[^/]+\\.data/([a-z]+)/(.+)$");
    private static final Pattern SCRIPT =
            Pattern.compile("^([A-Za-z0-9_.-]+)\\s*=\\s*([A-Za-z0-9_.]+):([A-Za-z0-9_.]+)$");
    /** Not shipped: the environments' inventories (the Job mounts its own), secret files. */
    private static final Pattern SKIP = Pattern.compile("^(inventories/.*|.*\\.secret\\.ya?ml)$");

    public RunnerImage {
        if (!PINNED.matcher(base).matches()) {
            throw new IllegalArgumentException("base image \"" + base + "\" is not pinned: give repository:tag@sha256:"
                    + "<64 hex digits>, e.g. python:3.11-slim-bookworm@sha256:<digest the registry shows>");
        }
    }

    /** Builds and pushes; returns the pushed image's manifest digest ({@code sha256:...}). */
    public String build(RunnerLock lock, Path ansibleDir) throws Exception {
        JibContainer pushed = Jib.from(RegistryImage.named(base))
                .addFileEntriesLayer(pythonLayer(lock))
                .addFileEntriesLayer(ansibleLayer(ansibleDir))
                .addEnvironmentVariable("PYTHONPATH", SITE)
                .addEnvironmentVariable("LANG", "C.UTF-8")
                .addEnvironmentVariable("PYTHONDONTWRITEBYTECODE", "1")
                .setWorkingDirectory(AbsoluteUnixPath.get(Preparation.ANSIBLE_HOME))
                .setEntrypoint("ansible-playbook")
                .setProgramArguments("--version")
                .containerize(Containerizer.to(RegistryImage.named(target))
                        .setAllowInsecureRegistries(insecure)
                        .setBaseImageLayersCache(cache.resolve("jib/base"))
                        .setApplicationLayersCache(cache.resolve("jib/application"))
                        .setToolName("envforge"));
        return pushed.getDigest().toString();
    }

    /** The wheels unpacked as pip would into a target folder, plus one script per console entry point. */
    FileEntriesLayer pythonLayer(RunnerLock lock) throws IOException {
        WheelCache wheels = new WheelCache(cache.resolve("wheels"));
        SortedMap<String, Path> site = new TreeMap<>();
        Map<String, String> scripts = new TreeMap<>();
        for (RunnerLock.Wheel wheel : lock.packages()) {
            Path tree = wheels.unpacked(wheel);
            for (Path file : files(tree)) {
                String rel = tree.relativize(file).toString().replace('\\', '/');
                Matcher data = DATA.matcher(rel);
                if (!data.matches()) {
                    site.put(SITE + "/" + rel, file);
                    if (rel.matches("^[^/]+\\.dist-info/entry_points\\.txt$")) {
                        scripts.putAll(consoleScripts(Files.readAllLines(file)));
                    }
                } else if (data.group(1).equals("purelib") || data.group(1).equals("platlib")) {
                    site.put(SITE + "/" + data.group(2), file);
                } else if (data.group(1).equals("scripts")) {
                    site.put(BIN + "/" + data.group(2), file);
                }
                // *.data/data and *.data/headers (documentation, C headers) are not needed at run time.
            }
        }
        for (String collection : lock.collections()) {
            String prefix = "ansible_collections/" + collection.replace('.', '/') + "/";
            Path bundle = wheels.unpacked(lock.collectionPackage(), prefix);
            Path dir = bundle.resolve(prefix);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(lock.collectionPackage().fileName() + " holds no collection "
                        + collection + " (no " + prefix + "); pick a"
                        + " version that bundles it in tools/ansible-runner/collections.txt and run lock.py");
            }
            for (Path file : files(dir)) {
                site.put(SITE + "/" + bundle.relativize(file).toString().replace('\\', '/'), file);
            }
        }
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("python-packages");
        FilePermissions exec = FilePermissions.fromOctalString("755");
        FilePermissions read = FilePermissions.fromOctalString("644");
        site.forEach((at, file) -> layer.addEntry(file, AbsoluteUnixPath.get(at), at.startsWith(BIN) ? exec : read));
        Path scriptDir = Files.createDirectories(cache.resolve("scripts"));
        for (Map.Entry<String, String> s : scripts.entrySet()) {
            Path file = scriptDir.resolve(s.getKey());
            Files.writeString(file, s.getValue());
            layer.addEntry(file, AbsoluteUnixPath.get(BIN + "/" + s.getKey()), exec);
        }
        return layer.build();
    }

    /**
     * A script per {@code [console_scripts]} line of a wheel's {@code entry_points.txt} ("Entry points specification",
     * packaging.python.org): {@code name = module:function} calls {@code function()} and exits with its result, as
     * pip's generated scripts do. {@code /usr/bin/env python3} finds the base's interpreter on its PATH.
     */
    static Map<String, String> consoleScripts(List<String> lines) {
        Map<String, String> out = new TreeMap<>();
        boolean inSection = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inSection = line.equals("[console_scripts]");
                continue;
            }
            Matcher m = SCRIPT.matcher(line);
            if (inSection && m.matches()) {
                out.put(
                        m.group(1),
                        "#!/usr/bin/env python3\n# Generated by envforge from the entry point " + m.group(2) + ":"
                                + m.group(3) + ".\nimport sys\nfrom " + m.group(2) + " import " + m.group(3)
                                + "\nsys.exit(" + m.group(3) + "())\n");
            }
        }
        return out;
    }

    /** This repository's {@code ansible/} folder, without inventories and secret files. */
    static FileEntriesLayer ansibleLayer(Path ansibleDir) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("ansible");
        for (Path file : files(ansibleDir)) {
            String rel = ansibleDir.relativize(file).toString().replace('\\', '/');
            if (!SKIP.matcher(rel).matches()) {
                layer.addEntry(
                        file,
                        AbsoluteUnixPath.get(Preparation.ANSIBLE_HOME + "/" + rel),
                        FilePermissions.fromOctalString("644"));
            }
        }
        return layer.build();
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
