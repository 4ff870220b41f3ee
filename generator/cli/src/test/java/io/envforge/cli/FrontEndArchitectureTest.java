package io.envforge.cli;

import io.envforge.FrontEndRule;
import org.junit.jupiter.api.Test;

/** The CLI uses the core's api package and the pipeline's entry points only. */
class FrontEndArchitectureTest {

    @Test
    void usesOnlyTheApi() {
        FrontEndRule.check("io.envforge.cli");
    }
}
