package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.model.ProductAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the generated inventory of dev1 with {@code playbooks/prepare.yml} against a throwaway PostgreSQL of one major
 * version (admin without superuser, as on RDS or Azure Flexible Server) and a temporary folder as the NFS share,
 * twice, and checks what the layers will find: first as the in-cluster preparation Job runs it (every secret from an
 * environment variable, {@code ansible/in-cluster-vars.yml}), then as an operator does with a secrets file. One
 * subclass per version the spec allows, {@code PrepareOnPostgres<major>IT} ({@link SpecVersionsTest} keeps them in
 * step with the spec).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrepareTest {

    static final String ENV = "dev1";
    static final String ADMIN = "envforge_admin";
    static final Map<String, String> PASSWORDS =
            Map.of(ADMIN, "admin-test-password", "apim_user", "apim-test-password", "mi_user", "mi-test-password");

    private final Environment env = Environments.resolve(ENV);
    private final int major;
    private Path tmp;
    private Postgres pg;
    private Workspace ws;
    private Path nfs;
    private Playbook.Run first;
    private Playbook.Run second;

    PrepareTest(int major) {
        this.major = major;
    }

    @BeforeAll
    void runTwice() throws IOException {
        Tools.require("ansible-playbook");
        tmp = Files.createTempDirectory("envforge-ansible");
        pg = Postgres.start(major);
        pg.query(
                "postgres",
                "CREATE ROLE " + ADMIN + " LOGIN CREATEDB CREATEROLE PASSWORD '" + PASSWORDS.get(ADMIN) + "'");
        ws = Workspace.create(tmp);
        nfs = Files.createDirectories(tmp.resolve("nfs"));
        // The first run as the in-cluster Job runs it: secrets from the environment only, no secret file. The second
        // as an operator runs it with a secrets file: both ways must converge on the same state (changed=0).
        Path overrides = SecretsFile.writeInClusterOverrides(tmp.resolve("in-cluster-overrides.yaml"), pg.port());
        first = Playbook.prepareInCluster(ws, ENV, overrides, SecretsFile.inClusterEnvironment(nfs, PASSWORDS, ADMIN));
        Path vars = SecretsFile.write(tmp.resolve("dev1.secret.yaml"), pg.port(), nfs, PASSWORDS, ADMIN);
        second = Playbook.prepare(ws, ENV, vars);
        System.out.printf(
                "prepare.yml for %s on PostgreSQL %d: first run %d ms (changed %s), second run %d ms"
                        + " (changed %s)%n",
                ENV, major, first.millis(), first.changed(), second.millis(), second.changed());
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (pg != null) {
            pg.close();
        }
        if (tmp != null) {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void firstRunChangesBothHostsAndTheSecondChangesNothing() {
        first.result().assertOk("first ansible-playbook run");
        assertEquals(
                List.of(env.database().host(), env.nfs().host()),
                first.changed().keySet().stream().sorted().toList(),
                first.result().output());
        first.changed().forEach((host, n) -> assertTrue(n > 0, host + " changed nothing on the first run"));
        second.result().assertOk("second ansible-playbook run");
        second.changed()
                .forEach((host, n) -> assertEquals(
                        0,
                        n,
                        host + " changed " + n + " things on the second run:\n"
                                + second.result().output()));
    }

    @Test
    void layerUsersMayOnlyLogIn() {
        assertEquals(
                "apim_user|t|f|f|f|f\nmi_user|t|f|f|f|f",
                pg.query(
                        "postgres",
                        "SELECT rolname, rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication FROM pg_roles"
                                + " WHERE rolname IN ('apim_user', 'mi_user') ORDER BY 1"));
    }

    /**
     * The admin may act as each layer's user (CREATE DATABASE ... OWNER needs it). PostgreSQL 15 knows only membership,
     * which the admin inherits; from 16 on the admin holds the SET option only, not INHERIT.
     */
    @Test
    void theAdminMayActAsEachLayerUserAndFromSixteenOnDoesNotInheritItsPrivileges() {
        String act = major >= 16 ? "SET" : "MEMBER";
        String got = pg.query(
                "postgres",
                "SELECT u, pg_has_role('" + ADMIN + "', u, '" + act + "'), pg_has_role('" + ADMIN
                        + "', u, 'USAGE') FROM unnest(ARRAY['apim_user', 'mi_user']) u ORDER BY 1");
        String inherits = major >= 16 ? "f" : "t";
        assertEquals("apim_user|t|" + inherits + "\nmi_user|t|" + inherits, got);
    }

    @Test
    void eachDatabaseBelongsToItsLayerAndOnlyItsOwnerMayConnect() {
        assertEquals(
                "apim_db|apim_user|UTF8\nmi_db|mi_user|UTF8\nshared_db|apim_user|UTF8",
                pg.query(
                        "postgres",
                        "SELECT datname, pg_get_userbyid(datdba), pg_encoding_to_char(encoding) FROM pg_database"
                                + " WHERE datname IN ('apim_db', 'shared_db', 'mi_db') ORDER BY 1"));
        String grid = pg.query(
                "postgres",
                "SELECT r || '>' || d || '=' || has_database_privilege(r, d, 'CONNECT')"
                        + " FROM unnest(ARRAY['apim_user', 'mi_user']) r, unnest(ARRAY['apim_db', 'shared_db', 'mi_db']) d"
                        + " ORDER BY r, d");
        assertEquals(
                String.join(
                        "\n",
                        "apim_user>apim_db=true",
                        "apim_user>mi_db=false",
                        "apim_user>shared_db=true",
                        "mi_user>apim_db=false",
                        "mi_user>mi_db=true",
                        "mi_user>shared_db=false"),
                grid);
    }

    @Test
    void aLayerUserCannotConnectToTheOtherLayersDatabase() {
        for (Layer layer : env.layers()) {
            Layer other = layer == env.api() ? env.integration() : env.api();
            for (String db : other.databases()) {
                Tools.Result r = pg.psql(layer.dbUser(), PASSWORDS.get(layer.dbUser()), db, "SELECT 1");
                assertNotEquals(0, r.exit(), layer.dbUser() + " connected to " + db);
                assertTrue(r.output().contains("permission denied for database \"" + db + "\""), r.output());
            }
        }
    }

    @Test
    void eachDatabaseHoldsTheProductSchemaOwnedByItsLayer() {
        Map<String, String> expected = Map.of(
                "apim_db", "am_api|apim_user\nam_subscriber|apim_user",
                "shared_db", "reg_resource|apim_user\num_user|apim_user",
                "mi_db", "cluster_node_status_table|mi_user\nleader_status_table|mi_user");
        for (Layer layer : env.layers()) {
            for (String db : layer.databases()) {
                String tables = pg.psql(
                                layer.dbUser(),
                                PASSWORDS.get(layer.dbUser()),
                                db,
                                "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
                        .assertOk("psql as " + layer.dbUser())
                        .output()
                        .strip();
                assertEquals(expected.get(db), tables, db);
            }
        }
    }

    @Test
    void theShareHoldsEachLayersFoldersOwnedByTheAccountItsImageRunsAs() throws IOException {
        ProductAccount api = ProductAccount.API_MANAGER;
        ProductAccount mi = ProductAccount.MICRO_INTEGRATOR;
        assertOwnedAndMode(nfs.resolve("envforge"), api, "rwxr-x---");
        for (String dir : List.of("api-gateway", "api-gateway/synapse-configs")) {
            assertOwnedAndMode(nfs.resolve(dir), api, "rwxr-x---");
        }
        for (String dir : List.of("integration", "integration/carbonapps")) {
            assertOwnedAndMode(nfs.resolve(dir), mi, "rwxr-x---");
        }
        for (String file : List.of("envforge/README.md", "envforge/environment.yaml")) {
            assertOwnedAndMode(nfs.resolve(file), api, "rw-r-----");
        }
        String settings = Files.readString(nfs.resolve("envforge/environment.yaml"), StandardCharsets.UTF_8);
        assertTrue(settings.contains("environment: dev1\n"), settings);
        assertTrue(settings.contains("apiHostname: " + env.apiHostname() + "\n"), settings);
        assertTrue(settings.contains("host: " + env.nfs().host() + "\n"), settings);
    }

    @Test
    void eachLayersAccountExistsOnTheHostThatMountsTheShare() {
        Tools.Result api = Tools.run(tmp, Map.of(), List.of("getent", "passwd", "api-gateway"))
                .assertOk("getent");
        assertTrue(api.output().startsWith("api-gateway:x:10001:10001:"), api.output());
        Tools.Result mi = Tools.run(tmp, Map.of(), List.of("getent", "passwd", "integration"))
                .assertOk("getent");
        assertTrue(mi.output().startsWith("integration:x:802:802:"), mi.output());
        Tools.Result group = Tools.run(tmp, Map.of(), List.of("getent", "group", "integration"))
                .assertOk("getent");
        assertTrue(group.output().startsWith("integration:x:802:"), group.output());
    }

    @Test
    void missingSecretsFailWithAMessageSayingWhereTheyComeFrom() throws IOException {
        Path vars = SecretsFile.write(
                tmp.resolve("incomplete.secret.yaml"),
                pg.port(),
                nfs,
                Map.of(ADMIN, PASSWORDS.get(ADMIN), "apim_user", "x"),
                ADMIN);
        Playbook.Run run = Playbook.prepare(ws, ENV, vars, "--limit", "database");
        assertNotEquals(0, run.result().exit(), run.result().output());
        assertTrue(
                run.result().output().contains("Pass the database secrets"),
                run.result().output());
        assertTrue(
                run.result().output().contains(env.database().adminSecret()),
                run.result().output());
    }

    private static void assertOwnedAndMode(Path path, ProductAccount account, String mode) throws IOException {
        assertTrue(Files.exists(path, LinkOption.NOFOLLOW_LINKS), path + " is missing");
        assertEquals(account.uid(), Files.getAttribute(path, "unix:uid"), path + " uid");
        assertEquals(account.gid(), Files.getAttribute(path, "unix:gid"), path + " gid");
        assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path + " mode");
    }
}
