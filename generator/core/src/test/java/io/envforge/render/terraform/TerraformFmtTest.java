package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code terraform fmt -check -recursive} accepts the modules, the examples and the generated roots. */
class TerraformFmtTest {

    @TempDir
    static Path temp;

    @Test
    void modulesAndExamplesInTheRepositoryAreFormatted() throws Exception {
        assertEquals(new Result(0, ""), fmtCheck(TestWorkspace.REPO.resolve("terraform")));
    }

    @Test
    void generatedRootsAreFormatted() throws Exception {
        for (String env : List.of(Roots.AWS, Roots.AZURE)) {
            assertEquals(new Result(0, ""), fmtCheck(Roots.root(env)), env);
        }
    }

    @Test
    void aMisalignedFileIsReported() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("misaligned"));
        Files.writeString(
                dir.resolve("main.tf"),
                Files.readString(Roots.root(Roots.AWS).resolve("main.tf")).replace("cidr          = ", "cidr = "));
        Result result = fmtCheck(dir);
        assertEquals(3, result.exitCode());
        assertTrue(result.listed().endsWith("misaligned/main.tf\n"), result.listed());
    }

    record Result(int exitCode, String listed) {}

    /** Runs {@code terraform fmt -check -recursive -list=true dir}; the listed files are the badly formatted ones. */
    static Result fmtCheck(Path dir) throws IOException, InterruptedException {
        Path config = temp.resolve("empty.tfrc");
        if (!Files.exists(config)) {
            Files.writeString(config, "");
        }
        ProcessBuilder pb = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-list=true", dir.toString())
                .redirectErrorStream(true);
        pb.environment().put("TF_CLI_CONFIG_FILE", config.toString());
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("terraform fmt did not finish");
        }
        return new Result(process.exitValue(), out);
    }
}
