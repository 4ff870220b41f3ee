package io.envforge.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the tier saw the real components do, counted by the tests and printed as one line when the run ends. */
public final class Tally {

    private static final Set<String> ENVIRONMENTS = new TreeSet<>();
    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    private Tally() {}

    public static synchronized void environment(String name) {
        ENVIRONMENTS.add(name);
    }

    public static void add(String what, int n) {
        COUNTS.computeIfAbsent(what, k -> new AtomicInteger()).addAndGet(n);
    }

    static synchronized String line() {
        return "e2e: " + ENVIRONMENTS.size() + " environments, " + get("objects") + " objects applied, "
                + get("pods") + " pods Ready, " + get("kustomizations") + " Flux Kustomizations Ready, "
                + get("applications") + " Argo CD Applications, " + get("roots validated") + " roots validated, "
                + get("roots applied") + " roots applied against moto";
    }

    private static int get(String what) {
        AtomicInteger n = COUNTS.get(what);
        return n == null ? 0 : n.get();
    }

    static void print() {
        String line = line();
        System.out.println(line);
        String file = System.getProperty("envforge.e2e.summary");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line + "\n");
            } catch (IOException e) {
                System.err.println("cannot write " + file + ": " + e);
            }
        }
    }
}
