package io.envforge.render.onprem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real BIND 9 (Debian's {@code bind9}: {@code named}) on 127.0.0.1 and a free port, primary for one zone that takes
 * dynamic updates signed with one TSIG key, as an on-prem DNS server would: {@code update-policy} grants the key A
 * records below the zone only (BIND 9 ARM, "Dynamic Update Policies", rule type {@code subdomain}). Stopped by
 * {@link #close}.
 */
final class Bind implements AutoCloseable {

    final int port;
    final String keyName;
    final String secret;
    private final Path dir;
    private final Process process;

    private Bind(int port, String keyName, String secret, Path dir, Process process) {
        this.port = port;
        this.keyName = keyName;
        this.secret = secret;
        this.dir = dir;
        this.process = process;
    }

    static Bind start(Path dir, int port, String zone, String keyName) throws Exception {
        for (String tool : List.of("named", "tsig-keygen", "nsupdate", "dig")) {
            if (!onPath(tool)) {
                throw new IllegalStateException(
                        tool + " not found: run .ci/setup (apt-get install bind9 bind9-dnsutils)");
            }
        }
        Files.createDirectories(dir);
        // tsig-keygen prints a named.conf key statement with a fresh random secret (bind9 bin/confgen/tsig-keygen).
        String key = run(List.of("tsig-keygen", "-a", "hmac-sha256", keyName));
        Matcher m = Pattern.compile("secret \"([^\"]+)\"").matcher(key);
        if (!m.find()) {
            throw new IllegalStateException("tsig-keygen printed no secret: " + key);
        }
        Files.writeString(dir.resolve("key.conf"), key);
        Files.writeString(dir.resolve("zone.db"), """
                $TTL 300
                @ IN SOA ns1.%1$s. hostmaster.%1$s. 1 3600 600 86400 300
                @ IN NS ns1.%1$s.
                ns1 IN A 127.0.0.1
                """.formatted(zone));
        Files.writeString(dir.resolve("named.conf"), """
                include "%1$s/key.conf";
                options {
                    directory "%1$s";
                    listen-on port %2$d { 127.0.0.1; };
                    listen-on-v6 { none; };
                    pid-file none;
                    recursion no;
                    dnssec-validation no;
                };
                controls { };
                zone "%3$s" {
                    type primary;
                    file "%1$s/zone.db";
                    update-policy { grant %4$s subdomain %3$s. A; };
                };
                """.formatted(dir, port, zone, keyName));
        // -g: foreground, log to stderr; -c: this configuration.
        Process named = new ProcessBuilder(
                        "named", "-g", "-c", dir.resolve("named.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("named.log").toFile())
                .start();
        Bind bind = new Bind(port, keyName, m.group(1), dir, named);
        bind.awaitAnswer(zone);
        return bind;
    }

    /** The A records of {@code name}, sorted, as dig prints them ({@code +short}). */
    List<String> a(String name) throws Exception {
        return dig(name, "A");
    }

    /** The zone's SOA serial. */
    long serial(String zone) throws Exception {
        return Long.parseLong(dig(zone, "SOA").get(0).split(" ")[2]);
    }

    /** What named logged (each applied update is a line "updating zone ..."). */
    String log() throws IOException {
        return Files.readString(dir.resolve("named.log"));
    }

    private List<String> dig(String name, String type) throws Exception {
        String out = run(List.of("dig", "+short", "+norecurse", "-p", String.valueOf(port), "@127.0.0.1", name, type));
        List<String> lines =
                new ArrayList<>(out.lines().filter(l -> !l.isBlank()).toList());
        lines.sort(null);
        return lines;
    }

    private void awaitAnswer(String zone) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("named exited: " + log());
            }
            try {
                if (!dig(zone, "SOA").isEmpty()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // dig: connection refused / timed out
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("named did not answer on 127.0.0.1:" + port + ": " + log());
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
