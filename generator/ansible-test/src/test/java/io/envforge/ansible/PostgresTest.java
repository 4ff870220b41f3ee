package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A missing PostgreSQL server fails the tests (never skips them) and says how to install it. */
class PostgresTest {

    @Test
    void aMissingServerFailsNamingTheFileAndTheInstallCommand() {
        Postgres.Install missing =
                new Postgres.Install(Path.of("/nonexistent/postgresql/16/bin"), "bash tools/postgres/install.sh");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> missing.require(16));
        assertTrue(
                e.getMessage()
                        .startsWith("PostgreSQL 16 is not installed: /nonexistent/postgresql/16/bin/initdb is"
                                + " missing. Install it with: bash tools/postgres/install.sh"),
                e.getMessage());
    }
}
