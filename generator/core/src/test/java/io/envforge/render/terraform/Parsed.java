package io.envforge.render.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every {@code .tf} file of the generated workspace (roots, modules, examples) and the broken fixtures, parsed once
 * per JVM in one parser process.
 */
final class Parsed {

    static final Path BROKEN = Path.of("src/test/resources/terraform-broken").toAbsolutePath();

    private static Map<Path, JsonNode> all;

    private Parsed() {}

    static synchronized Map<Path, JsonNode> all() {
        if (all == null) {
            try {
                all = HclFiles.parse(HclFiles.under(Roots.workspace().resolve("terraform"), BROKEN));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    /** Files under {@code dir}. */
    static Map<Path, JsonNode> under(Path dir) {
        Map<Path, JsonNode> out = new java.util.TreeMap<>();
        all().forEach((path, json) -> {
            if (path.startsWith(dir)) {
                out.put(path, json);
            }
        });
        return out;
    }

    /** The merged top-level content of one configuration folder: block kind → name → ... as hcl2json gives it. */
    static Config dir(Path dir) {
        return new Config(all().entrySet().stream()
                .filter(e -> e.getKey().getParent().equals(dir))
                .map(Map.Entry::getValue)
                .toList());
    }
}
