package io.envforge.render.onprem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.pipeline.Envforge;
import io.envforge.testing.FreePort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated RFC 2136 update, sent by the pipeline's runner ({@code .ci/onprem-dns}) with nsupdate to a real BIND
 * on loopback that takes TSIG-signed dynamic updates: both API names resolve to both fixed addresses; a second run
 * changes nothing (no update reaches the zone, the serial stays); a record changed by hand is put right; a wrong key
 * is refused and the secret never appears in the output or in Git.
 */
class OnPremDnsTest {

    private static final String ZONE = "apis.example.com";
    private static final String SECRET_VAR = "ENVFORGE_DNS_TSIG_SECRET";

    @TempDir
    Path temp;

    @Test
    void theApiNamesAreRegisteredOnceAndKeptRight() throws Exception {
        int port = FreePort.find();
        try (Bind bind = Bind.start(temp.resolve("bind"), port, ZONE, "envforge-ddns")) {
            Path batch = generate(port);
            String text = Files.readString(batch);
            assertTrue(text.contains("key hmac-sha256:envforge-ddns ${" + SECRET_VAR + "}\n"), text);
            assertFalse(text.contains(bind.secret), "the TSIG secret is in the generated file");

            List<String> addresses = List.of("10.20.14.10", "10.20.15.10");
            long before = bind.serial(ZONE);
            assertEquals("onprem-dns: apis.example.com.: updated 4 records", runner(batch, bind.secret));
            assertEquals(addresses, bind.a("api.dev1." + ZONE));
            assertEquals(addresses, bind.a("portal.dev1." + ZONE));
            long afterFirst = bind.serial(ZONE);
            assertTrue(afterFirst > before, "serial " + before + " -> " + afterFirst);
            int updates = count(bind.log(), "updating zone");

            assertEquals("onprem-dns: apis.example.com.: unchanged", runner(batch, bind.secret));
            assertEquals(afterFirst, bind.serial(ZONE));
            assertEquals(updates, count(bind.log(), "updating zone"), bind.log());

            // Someone adds a stray address by hand: the next run puts the RRset back to exactly the two addresses.
            nsupdate(bind, "update add api.dev1." + ZONE + ". 300 A 10.99.0.1\nsend\n");
            assertEquals(List.of("10.20.14.10", "10.20.15.10", "10.99.0.1"), bind.a("api.dev1." + ZONE));
            assertEquals("onprem-dns: apis.example.com.: updated 4 records", runner(batch, bind.secret));
            assertEquals(addresses, bind.a("api.dev1." + ZONE));

            String wrong = "c2VjcmV0LW9mLWFub3RoZXIta2V5LXRoYXQtaXMtd3Jvbmc=";
            Process refused = start(batch, wrong);
            String out = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, refused.exitValue(), out);
            assertTrue(out.contains("nothing sent"), out);
            assertFalse(out.contains(wrong), out);
        }
    }

    /** dev1 generated against a platform whose on-prem DNS is the loopback server. */
    private Path generate(int port) throws Exception {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        String platform = Files.readString(ws.root().resolve("environments/platform.yaml"));
        String edited =
                platform.replace("      server: 10.0.0.53\n", "      server: 127.0.0.1\n      port: " + port + "\n");
        assertTrue(!edited.equals(platform), "the platform file has no spec.onPrem.dns.server 10.0.0.53");
        ws.write("environments/platform.yaml", edited);
        ws.write(
                "environments/dev1.yaml",
                Files.readString(Path.of("src/test/resources/golden/aws-dev1/input/environments/dev1.yaml")));
        Envforge.standard(ws.root())
                .generate(GenerateRequest.builder(ws.root())
                        .environments("dev1")
                        .schemas(TestWorkspace.SCHEMAS)
                        .mode(GenerateRequest.Mode.WRITE)
                        .build());
        return ws.root().resolve("terraform/environments/dev1/onprem/dns.nsupdate");
    }

    private String runner(Path batch, String secret) throws Exception {
        Process p = start(batch, secret);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains(secret), out);
        return out.strip();
    }

    private static Process start(Path batch, String secret) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", TestWorkspace.REPO.resolve(".ci/onprem-dns").toString(), batch.toString())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put(SECRET_VAR, secret);
        return pb.start();
    }

    private static void nsupdate(Bind bind, String commands) throws Exception {
        Process p = new ProcessBuilder("nsupdate").redirectErrorStream(true).start();
        p.getOutputStream()
                .write(("key hmac-sha256:" + bind.keyName + " " + bind.secret + "\nserver 127.0.0.1 " + bind.port
                                + "\nzone " + ZONE + "\n" + commands)
                        .getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static int count(String text, String needle) {
        return (int) text.lines().filter(l -> l.contains(needle)).count();
    }
}
