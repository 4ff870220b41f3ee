package io.envforge.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.error.EnvforgeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fix a name mismatch suggests is itself valid: never "set metadata.name: Prod3" (not a DNS label). */
class NameMismatchFixTest {

    @ParameterizedTest(name = "{0}.yaml declaring {1}")
    @CsvSource({
        "Prod3, prod3, 'rename the file to prod3.yaml'",
        "prod4, prod3, 'rename the file to prod3.yaml or set metadata.name: prod4'"
    })
    void theSuggestedFixIsValid(String file, String declared, String fix) {
        String text = "apiVersion: envforge.io/v1alpha1\nkind: Environment\nmetadata:\n  name: " + declared
                + "\nspec:\n  network:\n    cidr: 10.40.0.0/20\n";
        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> SpecReader.parseEnvironment(
                        "environments/" + file + ".yaml", file, text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().endsWith(fix), e.getMessage());
    }
}
