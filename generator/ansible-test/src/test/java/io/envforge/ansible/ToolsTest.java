package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A missing tool fails the tests (never skips them) and says which Debian packages to install. */
class ToolsTest {

    @Test
    void aMissingToolFailsNamingTheDebianPackages() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Tools.require("envforge-no-such-tool"));
        assertTrue(e.getMessage().contains("apt-get install -y ansible ansible-lint python3-psycopg2"), e.getMessage());
    }
}
