package io.envforge.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing or bad parameter gets envforge's own one-line message with the user's -D name and a fix, instead of
 * Maven's "The parameters 'env' for goal ... are missing or invalid", and a boolean that is not true or false is
 * refused instead of read as false.
 */
class ParametersTest {

    @Test
    void generateWithoutEnv(@TempDir Path dir) {
        GenerateMojo mojo = new GenerateMojo();
        mojo.workspace = dir.toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "-Denv: no environment named; for example mvn generate -Denv=dev1 (a name, a comma-separated"
                        + " list, a glob such as 'perf-*', or all)",
                e.getMessage());
    }

    @Test
    void forceThatIsNotABoolean(@TempDir Path dir) {
        GenerateMojo mojo = new GenerateMojo();
        mojo.workspace = dir.toFile();
        mojo.env = "dev1";
        mojo.force = "yes";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("-Dforce \"yes\": is neither true nor false; write -Dforce=true or -Dforce=false", e.getMessage());
    }

    @Test
    void commitThatIsNotABoolean(@TempDir Path dir) {
        GenerateMojo mojo = new GenerateMojo();
        mojo.workspace = dir.toFile();
        mojo.env = "dev1";
        mojo.commit = "no";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "-Denvforge.commit \"no\": is neither true nor false; write -Denvforge.commit=true or"
                        + " -Denvforge.commit=false",
                e.getMessage());
    }

    @Test
    void removeWithoutEnv(@TempDir Path dir) {
        RemoveMojo mojo = new RemoveMojo();
        mojo.workspace = new File(dir.toString());
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "-Denv: no environment named; for example mvn envforge:remove -Denv=dev1 -Dconfirm=dev1 (one"
                        + " environment)",
                e.getMessage());
    }

    @Test
    void flagsAcceptTrueAndFalseInAnyCase() throws MojoFailureException {
        assertEquals(true, Parameters.flag("force", "TRUE", false));
        assertEquals(false, Parameters.flag("force", "False", true));
        assertEquals(true, Parameters.flag("envforge.commit", null, true));
    }
}
