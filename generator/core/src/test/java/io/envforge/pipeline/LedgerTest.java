package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.RemoveRequest;
import io.envforge.api.RemoveResult;
import io.envforge.error.EnvforgeException;
import io.envforge.git.GitPublisher;
import io.envforge.network.PoolUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The address ledger ({@code environments/.reservations/}) as the allocator and {@code remove} read it: a new
 * environment takes the block reserved for it, every other reserved block is taken, an explicit block is checked
 * against it, and removing releases it. Bad ledger input: one problem naming file, path, value and fix, nothing
 * changed. The workspace holds dev1 (10.20.0.0/20) and a reservation of 10.64.0.0/20 for dev8 (no spec yet: its
 * pull request is open).
 */
class LedgerTest {

    private static final String DEV8 = "environments/.reservations/dev8.yaml";

    @TempDir
    Path dir;

    Scratch ws;

    @BeforeEach
    void dev1AndAReservationForDev8() throws Exception {
        ws = Scratch.in(dir).spec("dev1", "aws", "10.20.0.0/20", "");
        Files.createDirectories(dir.resolve("environments/.reservations"));
        Files.write(
                dir.resolve(DEV8),
                io.envforge.spec.Ledger.format("dev8", io.envforge.network.Cidr.parse("10.64.0.0/20")));
        ws.commitAll("dev1, dev8 reserved");
    }

    private GenerateResult generate(String env, String subnet, boolean force) {
        return light().generate(GenerateRequest.builder(dir)
                .environments(env)
                .subnet(subnet)
                .force(force)
                .build());
    }

    /** No renderers: these cases are about inputs, not about what is rendered from them. */
    private static Envforge light() {
        return new Envforge(List.of(), List.of());
    }

    @Test
    void aNewEnvironmentTakesTheBlockReservedForIt() throws Exception {
        generate("dev8", null, false);
        assertEquals("10.64.0.0/20", Workspaces.cidrOf(dir, "dev8"));
    }

    @Test
    void anotherNewEnvironmentSkipsEveryReservedBlock() throws Exception {
        generate("dev9", null, false);
        assertEquals("10.64.16.0/20", Workspaces.cidrOf(dir, "dev9"));
        PoolUsage usage = Pools.usage(dir).get(0);
        assertEquals(2, usage.used(), "dev9's block and dev8's reserved block: " + usage.render());
    }

    @Test
    void forcedReaddressingMovesTheReservationInTheSameCommit() throws Exception {
        generate("dev8", null, false);
        generate("dev8", "10.64.64.0/20", true);
        assertEquals("10.64.64.0/20", Workspaces.cidrOf(dir, "dev8"));
        assertTrue(ws.read(DEV8).contains("cidr: 10.64.64.0/20"), ws.read(DEV8));
        assertTrue(GitStatus.clean(dir), "the moved reservation is committed with the spec");
    }

    @Test
    void removeReleasesAReservationWhosePullRequestWasNeverMerged() {
        RemoveResult listed = light().remove(new RemoveRequest(dir, "dev8", Optional.empty(), true));
        assertEquals(List.of(DEV8), listed.files());
        light().remove(new RemoveRequest(dir, "dev8", Optional.of("dev8"), true));
        assertFalse(Files.exists(dir.resolve(DEV8)));
        generate("dev9", null, false);
        assertEquals(
                "10.64.0.0/20",
                ws.read("environments/dev9.yaml")
                        .lines()
                        .filter(l -> l.contains("cidr:"))
                        .findFirst()
                        .orElseThrow()
                        .trim()
                        .substring("cidr: ".length()),
                "the released block is free again");
    }

    @Test
    void removeTakesTheReservationWithTheEnvironment() {
        generate("dev8", null, false);
        RemoveResult removed = light().remove(new RemoveRequest(dir, "dev8", Optional.of("dev8"), true));
        assertTrue(
                removed.files().containsAll(List.of("environments/dev8.yaml", DEV8)),
                removed.files().toString());
        assertFalse(Files.exists(dir.resolve(DEV8)));
        assertTrue(GitStatus.clean(dir));
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(
                        "explicit block over another environment's reservation",
                        "dev9",
                        "10.64.0.0/21",
                        null,
                        "environments/dev9.yaml: spec.network.cidr \"10.64.0.0/21\": overlaps the block 10.64.0.0/20"
                                + " reserved for environment dev8 (environments/.reservations/dev8.yaml",
                        "choose a block outside it"),
                Arguments.of(
                        "explicit block other than the environment's own reservation",
                        "dev8",
                        "10.40.0.0/20",
                        null,
                        DEV8 + ": spec.cidr \"10.64.0.0/20\": is the block reserved for dev8, and"
                                + " -Dsubnet=10.40.0.0/20 differs",
                        "drop -Dsubnet to use the reserved block"),
                Arguments.of(
                        "ledger: unknown key",
                        "dev9",
                        null,
                        "spec:\n  cidr: 10.64.0.0/20\n  cidrr: x\n",
                        DEV8 + ": spec.cidrr: unknown key",
                        "remove it"),
                Arguments.of(
                        "ledger: prefix over 32",
                        "dev9",
                        null,
                        "spec:\n  cidr: 10.64.0.0/33\n",
                        DEV8 + ": spec.cidr \"10.64.0.0/33\": prefix must be 0..32",
                        "release it (envforge remove --env dev8)"),
                Arguments.of("ledger: no cidr", "dev9", null, "spec: {}\n", DEV8 + ": spec.cidr: is required", "add"),
                Arguments.of(
                        "ledger: name differs from the file",
                        "dev9",
                        null,
                        "spec:\n  cidr: 10.64.0.0/20\n" + "#dev7",
                        DEV8 + ": metadata.name \"dev7\": does not match the file name dev8.yaml",
                        "rename the file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void failsCleanly(String label, String env, String subnet, String ledger, String message, String fix)
            throws Exception {
        if (ledger != null) {
            String name = ledger.endsWith("#dev7") ? "dev7" : "dev8";
            ws.write(
                    DEV8,
                    "apiVersion: envforge.io/v1alpha1\nkind: Reservation\nmetadata:\n  name: " + name + "\n"
                            + ledger.replace("#dev7", ""));
            ws.commitAll("a broken reservation");
        }
        Map<String, String> before = ws.files();
        String head = new GitPublisher(dir).head().orElseThrow();
        EnvforgeException e = assertThrows(EnvforgeException.class, () -> generate(env, subnet, false));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(message), "expected \"" + message + "\" in: " + e.getMessage());
        assertTrue(e.getMessage().contains(fix), "expected \"" + fix + "\" in: " + e.getMessage());
        assertEquals(before, ws.files(), "no file may change");
        assertEquals(head, new GitPublisher(dir).head().orElseThrow(), "no commit may be made");
    }

    /** {@code git status} is clean. */
    private static final class GitStatus {
        static boolean clean(Path dir) {
            try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.toFile())) {
                return git.status().call().isClean();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
