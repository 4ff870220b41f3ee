package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.render.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's account and NFS folders agree with the charts: the ids the pods run as, the layer's folder on the share
 * ({@code nfs.subPath}) and the folders below it that the templates mount.
 */
class ChartContractTest {

    private final Environment env = Environments.resolve("dev1");

    @Test
    void theChartsRunAsTheModelsAccountAndMountTheModelsFolders() throws IOException {
        for (Layer layer : env.layers()) {
            Path chart = Repo.root().resolve("charts").resolve(layer.name());
            Map<String, Object> values = Yaml.loadAll(
                            Files.readString(chart.resolve("values.yaml"), StandardCharsets.UTF_8))
                    .get(0);
            Map<?, ?> security = (Map<?, ?>) values.get("securityContext");
            assertEquals(layer.account().uid(), security.get("runAsUser"), layer.name() + " runAsUser");
            assertEquals(layer.account().gid(), security.get("runAsGroup"), layer.name() + " runAsGroup");
            assertEquals(layer.nfsSubPath(), ((Map<?, ?>) values.get("nfs")).get("subPath"), layer.name());
            String templates = templates(chart.resolve("templates"));
            for (String mount : layer.nfsMounts()) {
                assertTrue(
                        templates.contains("subPath: {{ .Values.nfs.subPath }}/" + mount),
                        layer.name() + " does not mount " + mount + " from the share");
            }
        }
    }

    private static String templates(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
