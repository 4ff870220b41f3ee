package io.envforge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kept documents can be let go after validation and the summary; asked for again, they come from the text. */
class OutputTreeTest {

    @Test
    void releasedDocumentsAreParsedAgainFromTheText() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "ConfigMap");
        doc.put("metadata", Map.of("name", "a"));
        OutputTree one =
                OutputTree.builder().putDocument("a.yaml", "# header\n", doc).build();
        OutputTree merged = one.plus(OutputTree.builder().put("b.txt", "text").build());
        List<Map<String, Object>> kept = merged.documents("a.yaml").orElseThrow();
        assertSame(kept, one.documents("a.yaml").orElseThrow(), "the trees share the kept documents");

        merged.releaseDocuments();

        List<Map<String, Object>> again = one.documents("a.yaml").orElseThrow();
        assertNotSame(kept, again, "released in every tree that shared them, then parsed from the text");
        assertEquals(kept, again);
    }
}
