package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Ansible command works as written from the repository root (it said {@code ansible-playbook -i
 * ansible/inventories/...}, which failed there: "the role 'nfs_share' was not found"). Run with --syntax-check, which
 * resolves the roles without a host; the secrets file is left out.
 */
class ReadmeCommandTest {

    @Test
    void theAnsibleCommandOfTheReadmeFindsItsRolesFromTheRepositoryRoot() throws IOException, InterruptedException {
        String readme = Files.readString(Repo.root().resolve("README.md")).replaceAll("\n\\s+", " ");
        Matcher m = Pattern.compile("`([^`]*ansible-playbook [^`]*)`").matcher(readme);
        assertTrue(m.find(), "no ansible-playbook command in README.md");
        String command = m.group(1).replace("<env>", "dev1").replaceAll(" -e @\\S+", "") + " --syntax-check";
        Process p = new ProcessBuilder("bash", "-c", command)
                .directory(Repo.root().toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), command + "\n" + out);
    }
}
