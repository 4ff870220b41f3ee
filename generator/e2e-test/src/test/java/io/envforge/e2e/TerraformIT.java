package io.envforge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform that runs: {@code tools/tofu/e2e.sh} puts every Terraform root of the repository and of the golden trees
 * through the real OpenTofu and the real providers (built from their Go modules by {@code tools/tofu/build.sh}) and
 * applies the AWS roots against moto on 127.0.0.1, then plans again and wants no change; {@code e2e-selftest.sh}
 * shows that a broken argument fails it, naming the resource and the provider's error. See tools/tofu/README.md for
 * what moto lacks and what is left out.
 */
class TerraformIT {

    private static final Pattern SUMMARY = Pattern.compile(
            "tofu: (\\d+) roots validated, (\\d+) skipped, (\\d+) roots applied against moto \\((\\d+) resources.*");

    @Test
    void everyRootValidatesAndTheAwsRootsApplyWithACleanPlan(@TempDir Path temp) throws Exception {
        String out = run(temp, "tools/tofu/e2e.sh");
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        Matcher m = SUMMARY.matcher(last);
        assertTrue(m.matches(), "e2e.sh's last line: " + last);
        int validated = Integer.parseInt(m.group(1));
        int applied = Integer.parseInt(m.group(3));
        assertTrue(validated >= 4 && applied >= 2, last);
        Tally.add("roots validated", validated);
        Tally.add("roots applied", applied);
    }

    @Test
    void aBrokenArgumentFailsNamingTheResourceAndTheProvidersError(@TempDir Path temp) throws Exception {
        String out = run(temp, "tools/tofu/e2e-selftest.sh");
        assertTrue(out.contains("broken arguments caught"), out);
    }

    private static String run(Path temp, String script) throws IOException, InterruptedException {
        Path log = temp.resolve("out.log");
        Process p = new ProcessBuilder("bash", script)
                .directory(TestWorkspace.REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), script + " failed:\n" + tail(out));
        return out;
    }

    private static String tail(String out) {
        String[] lines = out.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}
