package io.envforge.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Envforge;
import io.envforge.pipeline.Scratch;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change summary of real runs (the pipeline's dry run over a generated tree), compared with golden files. */
class SummaryGoldenTest {

    @Test
    void singleEnvironment(@TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(dir).spec("dev1", "aws", "10.20.0.0/20", "");
        ws.generate(false, "dev1");
        ws.spec(
                "dev1",
                "aws",
                "10.20.0.0/20",
                "  gitops:\n    controller: argocd\n  layers:\n    api:\n"
                        + "      replicas: 3\n    integration:\n      image:\n        tag: 4.4.0\n");
        Map<String, String> before = ws.files();
        GenerateResult diff = Envforge.standard(dir).generate(ws.request(false, true, "dev1"));
        assertEquals(before, ws.files(), "a dry run writes nothing");
        Golden.check("summary-single-env/summary.md", diff.summaryMarkdown());
    }

    @Test
    void twentyEnvironmentsWithOneSharedEdit(@TempDir Path dir) throws Exception {
        Scratch ws = Scratch.in(dir);
        IntStream.rangeClosed(1, 20)
                .forEach(i -> ws.spec(String.format("perf-%02d", i), "aws", "10." + (100 + i) + ".0.0/20", ""));
        ws.generate(false, "all");
        String platform = ws.read("environments/platform.yaml");
        int api = platform.indexOf("repository: wso2/wso2am");
        ws.write(
                "environments/platform.yaml",
                platform.substring(0, api) + platform.substring(api).replaceFirst("tag: 4\\.3\\.0", "tag: 4.4.0"));
        GenerateResult diff = Envforge.standard(dir).generate(ws.request(false, true, "all"));
        String md = diff.summaryMarkdown();
        assertTrue(md.contains("### 20 environments: perf-01, perf-02,"), md);
        assertTrue(md.contains("`wso2/wso2am:4.3.0` → `wso2/wso2am:4.4.0`"), md);
        assertTrue(
                md.contains("20 environments: perf-01, perf-02, perf-03, perf-04, perf-05, perf-06, perf-07, perf-08,"
                        + " perf-09, perf-10, perf-11, perf-12, perf-13, perf-14, perf-15, perf-16, perf-17, perf-18, perf-19,"
                        + " perf-20\n\n**image tag of api-gateway 4.3.0 → 4.4.0**"),
                md);
        Golden.check("summary-20-envs/summary.md", md);
    }
}
