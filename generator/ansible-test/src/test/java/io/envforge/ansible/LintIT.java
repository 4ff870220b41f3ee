package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code ansible-playbook --syntax-check} and {@code ansible-lint} over the hand-written and generated files: the
 * tools run as processes, so an integration test, run by {@code mvn verify}.
 */
class LintIT {

    static final Iterable<String> ENVS = Environments.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENVS")
    void thePlaybookPassesTheSyntaxCheckWithEachGeneratedInventory(String env, @TempDir Path tmp) {
        Tools.require("ansible-playbook");
        Workspace ws = Workspace.create(tmp);
        Tools.run(
                        ws.dir(),
                        ws.env(),
                        List.of(
                                "ansible-playbook",
                                "--syntax-check",
                                "-i",
                                ws.inventory(env).toString(),
                                Playbook.PREPARE))
                .assertOk("ansible-playbook --syntax-check");
    }

    @Test
    void ansibleLintPassesOnEverything(@TempDir Path tmp) {
        Workspace ws = Workspace.create(tmp);
        Tools.Result r = lint(ws).assertOk("ansible-lint");
        assertTrue(r.output().contains("Passed with production profile"), r.output());
    }

    /** Proves the lint run above is live: a shell task where a module exists and a quirky generated value fail. */
    @Test
    void ansibleLintFailsOnAShellTaskAndOnAYaml11Boolean(@TempDir Path tmp) throws IOException {
        Workspace ws = Workspace.create(tmp);
        Files.writeString(
                ws.dir().resolve("roles/nfs_share/tasks/main.yml"),
                """

                - name: Create a folder the wrong way
                  ansible.builtin.shell: mkdir -p {{ nfs_share_root }}/extra
                """,
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path vars = ws.inventory("dev1").resolveSibling("group_vars/all.yml");
        Files.writeString(vars, "nfs_share_manage_accounts: yes\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Tools.Result r = lint(ws);
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(
                r.output().contains("command-instead-of-shell") || r.output().contains("no-changed-when"), r.output());
        assertTrue(r.output().contains("yaml[truthy]"), r.output());
    }

    private static Tools.Result lint(Workspace ws) {
        Tools.require("ansible-lint");
        Map<String, String> env = new HashMap<>(ws.env());
        env.put("NO_COLOR", "1");
        return Tools.run(ws.dir(), env, List.of("ansible-lint", "--offline", "--nocolor", "-f", "pep8"));
    }
}
