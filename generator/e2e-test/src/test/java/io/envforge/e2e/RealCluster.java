package io.envforge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One control plane for the whole test run (started on first use, stopped when the run ends, through JUnit's root
 * store), with the controllers' CRDs installed, and the tier's counts printed as its last line.
 */
final class RealCluster implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealCluster.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ControlPlane.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NS)
                .getOrComputeIfAbsent(Running.class, k -> new Running(), Running.class)
                .plane;
    }

    private static boolean allEstablished(com.fasterxml.jackson.databind.JsonNode list) {
        for (var crd : list.path("items")) {
            boolean established = false;
            for (var c : crd.path("status").path("conditions")) {
                established |= "Established".equals(c.path("type").asText())
                        && "True".equals(c.path("status").asText());
            }
            if (!established) {
                return false;
            }
        }
        return list.path("items").size() > 0;
    }

    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final ControlPlane plane;
        final Path dir;

        Running() {
            try {
                dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "envforge-e2e-");
                plane = ControlPlane.start(dir);
                for (String crds : new String[] {"flux", "external-secrets", "argocd", "cert-manager"}) {
                    plane.kubectl()
                            .ok(
                                    null,
                                    "apply",
                                    "--server-side",
                                    "--field-manager=envforge-e2e",
                                    "-f",
                                    Components.crds(crds).toString());
                }
                plane.kubectl()
                        .await(
                                60,
                                RealCluster::allEstablished,
                                list -> "CRDs not Established yet",
                                "get",
                                "customresourcedefinitions");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            plane.close();
            Tally.print();
            // The components' logs and etcd's data: kept only when asked (-Denvforge.e2e.keep=true), to read after a
            // run.
            if (!Boolean.getBoolean("envforge.e2e.keep")) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    System.err.println("cannot remove " + dir + ": " + e);
                }
            }
        }
    }
}
