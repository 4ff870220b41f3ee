package io.envforge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.envforge.error.EnvforgeException;
import io.envforge.network.Cidr;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The indexed overlap check reports exactly what a scan of every block in name order reports. */
class AddressCheckTest {

    @Test
    void indexedCheckAgreesWithAFullScanOnRandomFleets() {
        Random random = new Random(16);
        SortedMap<String, Cidr> blocks = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            int prefix = 16 + random.nextInt(8);
            long base = (0x0A400000L + random.nextInt(1 << 20)) & ~((1L << (32 - prefix)) - 1);
            blocks.put("env-" + Integer.toString(random.nextInt(100_000), 36), new Cidr(base, prefix));
        }
        for (Map.Entry<String, Cidr> e : blocks.entrySet()) {
            String expected = null;
            for (Map.Entry<String, Cidr> other : blocks.entrySet()) {
                if (!other.getKey().equals(e.getKey()) && other.getValue().overlaps(e.getValue())) {
                    expected = other.getKey();
                    break;
                }
            }
            String actual = null;
            try {
                AddressCheck.check(
                        "f.yaml",
                        "spec.network.cidr",
                        e.getValue().toString(),
                        List.of(),
                        List.of(),
                        blocks,
                        e.getKey());
            } catch (EnvforgeException ex) {
                actual = ex.problems().get(0).render().replaceAll(".*overlaps environment (\\S+) .*", "$1");
            }
            assertEquals(expected, actual, e.getKey() + " " + e.getValue());
        }
    }
}
