package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every envforge command line of the GitHub workflows and the Jenkinsfile is one this CLI accepts: picocli parses it
 * (unknown options, missing required ones and bad values fail), so CI never calls a command or option that does not
 * exist.
 */
class CiCommandLinesTest {

    private static final Pattern ENVFORGE =
            Pattern.compile("(?m)java -jar generator/cli/target/envforge.jar (.*?)(\\s*[|']|$)");

    @Test
    void everyCiCommandLineParses() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String file : List.of(
                ".github/workflows/generate.yml",
                ".github/workflows/pipeline.yml",
                ".github/workflows/decommission.yml",
                "Jenkinsfile")) {
            Matcher m = ENVFORGE.matcher(Files.readString(TestWorkspace.REPO.resolve(file)));
            while (m.find()) {
                lines.add(m.group(1));
            }
        }
        assertEquals(10, lines.size(), lines.toString());
        for (String line : lines) {
            // A pull request's number where one is expected (--pr), else an environment's name.
            String[] args = line.replaceAll("\"\\$PR\"", "7")
                    .replaceAll("\"\\$[A-Z_]+\"", "dev1")
                    .split(" ");
            CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
            assertTrue(parsed.hasSubcommand(), line);
        }
        String[] broken = {"pipeline", "plan", "--changed-form", "origin/main"};
        org.junit.jupiter.api.Assertions.assertThrows(
                CommandLine.ParameterException.class,
                () -> new CommandLine(new Main()).parseArgs(broken),
                Arrays.toString(broken));
    }
}
