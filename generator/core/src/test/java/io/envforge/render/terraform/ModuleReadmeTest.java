package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hand-written module's README documents exactly its interface: the "Inputs" table lists every variable of its
 * {@code .tf} files with the variable's own description, the "Outputs" table every output with its description, and
 * nothing else. The modules are parsed with HashiCorp's HCL parser ({@link HclFiles}).
 */
class ModuleReadmeTest {

    static final Path MODULES = TestWorkspace.REPO.resolve("terraform/modules");

    static Stream<String> modules() throws IOException {
        try (Stream<Path> clouds = Files.list(MODULES)) {
            return clouds
                    .filter(Files::isDirectory)
                    .flatMap(cloud -> {
                        try (Stream<Path> modules = Files.list(cloud)) {
                            return modules
                                    .filter(m -> Files.isRegularFile(m.resolve("variables.tf")))
                                    .map(m -> MODULES.relativize(m).toString())
                                    .sorted()
                                    .toList()
                                    .stream();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Map<Path, JsonNode> parsed;

    /** Every module's own {@code .tf} files, parsed once in one parser process (path as given → JSON). */
    private static synchronized Map<Path, JsonNode> parsedModules() throws IOException, InterruptedException {
        if (parsed == null) {
            List<Path> files = new ArrayList<>();
            for (String module : modules().toList()) {
                files.addAll(ownFiles(MODULES.resolve(module)));
            }
            parsed = HclFiles.parse(files);
        }
        return parsed;
    }

    /** The {@code .tf} files directly in {@code dir} (not its examples), absolute, as the parser names them. */
    private static List<Path> ownFiles(Path dir) throws IOException {
        return HclFiles.under(dir).stream()
                .filter(p -> p.getParent().equals(dir))
                .map(Path::toAbsolutePath)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void readmeTablesMatchTheVariablesAndOutputs(String module) throws Exception {
        Path dir = MODULES.resolve(module);
        Map<Path, JsonNode> parsed = new TreeMap<>();
        for (Path file : ownFiles(dir)) {
            parsed.put(file, parsedModules().get(file));
        }
        String readme = Files.readString(dir.resolve("README.md"));

        Map<String, String> variables = declared(parsed, "variable");
        Map<String, String> outputs = declared(parsed, "output");

        assertFalse(variables.isEmpty(), module + " declares no variable");
        assertEquals(variables, table(readme, "## Inputs"), module + "/README.md, table Inputs vs variables");
        assertEquals(outputs, table(readme, "## Outputs"), module + "/README.md, table Outputs vs outputs");
    }

    /** Name → description of every {@code kind} block ({@code variable}, {@code output}) in the parsed files. */
    private static Map<String, String> declared(Map<Path, JsonNode> parsed, String kind) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode file : parsed.values()) {
            JsonNode blocks = file.path(kind);
            for (Iterator<Map.Entry<String, JsonNode>> it = blocks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> block = it.next();
                JsonNode body = block.getValue().isArray() ? block.getValue().get(0) : block.getValue();
                out.put(block.getKey(), body.path("description").asText(""));
            }
        }
        return out;
    }

    /** Name → description of the {@code | `name` | description |} rows of the table under {@code heading}. */
    static Map<String, String> table(String readme, String heading) {
        Map<String, String> out = new LinkedHashMap<>();
        int at = readme.indexOf("\n" + heading + "\n");
        if (at < 0) {
            return out;
        }
        List<String> lines = readme.substring(at + heading.length() + 2).lines().toList();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0))
                    .split("\\|", 2);
            String name = cells[0].trim();
            if (name.startsWith("`") && name.endsWith("`") && cells.length == 2) {
                out.put(name.substring(1, name.length() - 1), cells[1].trim());
            }
        }
        return new TreeMap<>(out);
    }
}
