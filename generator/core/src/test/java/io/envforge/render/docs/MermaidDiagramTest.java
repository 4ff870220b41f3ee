package io.envforge.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.pipeline.Scratch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated ENVIRONMENT.md diagram parses with the real Mermaid parser ({@code tools/mermaid}, installed with
 * {@code npm ci --prefix tools/mermaid}), all in one Node process; a broken diagram is caught too.
 */
class MermaidDiagramTest {

    private static final Path TOOL = Scratch.REPO.resolve("tools/mermaid");

    @Test
    void diagramsOfAwsAndAzureEnvironmentsParse(@TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(dir.resolve("ws"))
                .spec("aws-1", "aws", "10.20.0.0/20", "")
                .spec("azure-1", "azure", "10.20.16.0/20", "  gitops:\n    controller: argocd\n");
        ws.generate(false, "all");
        Path broken = dir.resolve("broken.md");
        Files.writeString(broken, "```mermaid\nflowchart LR\n  a[\"unclosed --> b\n```\n");
        List<String> files = List.of(
                dir.resolve("ws/overlays/aws-1/ENVIRONMENT.md").toString(),
                dir.resolve("ws/overlays/azure-1/ENVIRONMENT.md").toString(),
                broken.toString());
        for (String f : files.subList(0, 2)) {
            String md = Files.readString(Path.of(f));
            assertTrue(md.contains("```mermaid\nflowchart LR\n"), f);
            assertTrue(md.contains("db.") && md.contains("nfs.") && md.contains("API 10.20."), f);
        }
        List<String> lines = parse(files);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("ok ") && lines.get(0).endsWith("flowchart-v2"), lines.get(0));
        assertTrue(lines.get(1).startsWith("ok ") && lines.get(1).endsWith("flowchart-v2"), lines.get(1));
        assertTrue(lines.get(2).startsWith("error "), "the parser rejects a broken diagram: " + lines.get(2));
    }

    private static List<String> parse(List<String> files) throws Exception {
        if (!Files.isDirectory(TOOL.resolve("node_modules/mermaid"))) {
            throw new AssertionError("the Mermaid parser is not installed: run npm ci --prefix " + TOOL);
        }
        List<String> command =
                new ArrayList<>(List.of("node", TOOL.resolve("check.mjs").toString()));
        command.addAll(files);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        return out.lines()
                .filter(l -> l.startsWith("ok ") || l.startsWith("error "))
                .toList();
    }
}
