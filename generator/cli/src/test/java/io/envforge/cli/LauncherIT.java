package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code generator/cli/envforge} runs the built jar with the JVM settings measured for it
 * (docs/benchmark.md, "JVM settings"): C1 only, ParallelGC, a 1 GiB heap from the start; it maps the class-data
 * archive the build made for the jar, or for another jar the one its first run wrote; {@code ENVFORGE_JAVA_OPTS}
 * comes after and wins.
 */
class LauncherIT {

    @TempDir
    Path cds;

    @Test
    void runsTheJarWithItsSettingsAndMapsTheArchiveTheBuildMade() throws Exception {
        String flags = launch("-XX:+PrintFlagsFinal", null);
        assertTrue(flags.matches("(?s).*\\bTieredStopAtLevel\\s+= 1\\b.*"), "C1 only");
        assertTrue(flags.matches("(?s).*\\bUseParallelGC\\s+= true\\b.*"), "ParallelGC");
        assertTrue(flags.matches("(?s).*\\bMaxHeapSize\\s+= 1073741824\\b.*"), "-Xmx1g");
        assertTrue(flags.matches("(?s).*\\bInitialHeapSize\\s+= 1073741824\\b.*"), "-Xms1g");
        assertTrue(flags.contains("envforge 0.1.0"), flags);
        // mvn package's training run (cds-training.sh) left the archive of this jar beside it: nothing is written
        List<Path> built;
        try (Stream<Path> files = Files.list(Path.of("target/cds"))) {
            built = files.toList();
        }
        assertEquals(1, built.size(), built.toString());
        assertTrue(built.get(0).getFileName().toString().matches("envforge-\\d+\\.jsa"), built.toString());
        assertEquals(List.of(), archives(), "the build's archive is mapped, none written");

        // -Xshare:on: the JVM stops if it cannot map the archive; the class log names where each class came from
        String second = launch("-Xshare:on -Xlog:class+load=info -Xmx512m -XX:+PrintFlagsFinal", null);
        assertTrue(second.contains("io.envforge.cli.Main source: shared objects file (top)"), "Main from the archive");
        assertTrue(second.matches("(?s).*\\bMaxHeapSize\\s+= 536870912\\b.*"), "ENVFORGE_JAVA_OPTS wins");
        assertTrue(second.matches("(?s).*\\bInitialHeapSize\\s+= (?!1073741824\\b)\\d+\\b.*"), "no -Xms1g then");
    }

    /** A jar the build made no archive for (here a copy elsewhere): its first run writes one, the next maps it. */
    @Test
    void writesAnArchiveForAnyOtherJarOnItsFirstRun(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(Path.of("target/envforge.jar"), dir.resolve("envforge.jar"));
        launch("", copy);
        List<Path> archives = archives();
        assertEquals(1, archives.size(), "one archive, no temporary file left: " + archives);
        assertTrue(archives.get(0).getFileName().toString().matches("envforge-\\d+\\.jsa"), archives.toString());
        String second = launch("-Xshare:on -Xlog:class+load=info", copy);
        assertTrue(second.contains("io.envforge.cli.Main source: shared objects file (top)"), "Main from the archive");
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(cds)) {
            return files.toList();
        }
    }

    /**
     * The launcher gives the Go runtime that runs Helm in process {@code GOGC=400}, unless the caller set it: shown by
     * a jar whose main class prints the variable as the JVM (and the native library loaded into it) sees it.
     */
    @Test
    void setsGogcForHelmsGoRuntimeUnlessAlreadySet(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("print-gogc.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PrintGogc.class.getName());
        String entry = PrintGogc.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                var in = PrintGogc.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
        }
        assertEquals("GOGC=400", run(jar, Map.of()).strip());
        assertEquals("GOGC=100", run(jar, Map.of("GOGC", "100")).strip());
    }

    /** The main class of that jar. */
    public static final class PrintGogc {
        public static void main(String[] args) {
            System.out.println("GOGC=" + System.getenv("GOGC"));
        }
    }

    private String run(Path jar, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "envforge").redirectErrorStream(true);
        pb.environment().put("ENVFORGE_CDS", "off");
        pb.environment().put("ENVFORGE_JAR", jar.toString());
        pb.environment().remove("GOGC");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** {@code envforge --version} through the launcher, of {@code jar} (null: the built one). */
    private String launch(String javaOpts, Path jar) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "envforge", "--version").redirectErrorStream(true);
        pb.environment().put("ENVFORGE_CDS", cds.toString());
        pb.environment().put("ENVFORGE_JAVA_OPTS", javaOpts);
        pb.environment().remove("ENVFORGE_JAR");
        if (jar != null) {
            pb.environment().put("ENVFORGE_JAR", jar.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
