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
 * A throwaway PostgreSQL 15 server on 127.0.0.1 and a free port, run as the {@code postgres} OS user from a data
 * folder of its own; {@link #close} stops it and deletes the folder. Every connection, the superuser's too, is TCP
 * with a SCRAM password.
 */
final class Postgres implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    static final String SUPERUSER = "postgres";
    static final String SUPERUSER_PASSWORD = "superuser-test-password";

    private final Path dir;
    private final int port;

    private Postgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static Postgres start() throws IOException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            fail("PostgreSQL 15 is not installed in " + BIN + "; install it with: apt-get install -y postgresql-15");
        }
        Path dir = Files.createTempDirectory("envforge-pg");
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, owner);
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
        Files.setOwner(pwfile, owner);
        int port = freePort();
        Postgres pg = new Postgres(dir, port);
        try {
            asPostgres(dir, BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                    "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale")
                    .assertOk("initdb");
            asPostgres(dir, BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir, "start").assertOk("pg_ctl start");
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
        return Tools.run(dir, Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"),
                List.of(BIN.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                        "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user, "-d", database, "-c", sql));
    }

    /** The superuser's answer to {@code sql} in {@code database}, trimmed; fails on error. */
    String query(String database, String sql) {
        return psql(SUPERUSER, SUPERUSER_PASSWORD, database, sql).assertOk("psql " + sql).output().strip();
    }

    @Override
    public void close() {
        if (Files.isDirectory(dir.resolve("data"))) {
            asPostgres(dir, BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop");
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
