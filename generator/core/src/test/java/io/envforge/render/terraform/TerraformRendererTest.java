package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HCL string literal helper. (An engine other than PostgreSQL, which this renderer once refused for Azure, is
 * refused by the spec's schema: see BadInputTest.)
 */
class TerraformRendererTest {

    @Test
    void stringsAreQuotedAndTemplateSequencesEscaped() {
        assertEquals("\"a\\\"b\"", Hcl.str("a\"b"));
        assertEquals("\"$${x} %%{y} \\\\\"", Hcl.str("${x} %{y} \\"));
        assertEquals("null", Hcl.str(null));
        assertEquals("[\"a\", \"b\"]", Hcl.strings(List.of("a", "b")));
        assertEquals("[443, 8243]", Hcl.numbers(List.of(443, 8243)));
    }
}
