package io.envforge.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.nio.file.Path;

/**
 * The Prometheus JMX exporter java agent, a layer of the derived API Manager image: API Manager serves no Prometheus
 * metrics itself, so the api-gateway chart starts this agent in its JVM at {@link #PATH}, its {@code metrics.agentJar}
 * default: the chart's start.sh adds {@code -javaagent:<jar>=...} to {@code JAVA_OPTS} (which {@code bin/api-manager.sh}
 * passes to java) only when the jar is in the image, so a stock image starts without it.
 */
public final class MetricsAgent {

    /**
     * {@code io.prometheus.jmx:jmx_prometheus_javaagent} 1.0.1 from Maven Central: SHA-256 of the jar, whose SHA-1
     * matched Central's published .sha1 (f9c53eb0). A {@link JdbcDriver} only as a pinned Maven jar.
     */
    public static final JdbcDriver JAR = new JdbcDriver(
            "io.prometheus.jmx",
            "jmx_prometheus_javaagent",
            "1.0.1",
            "7d61f737fd661610ccc14aea79764faa1ea94a340cbc8f0029b3d2edea3d80c1");

    /** Where the image carries it: outside the product home, which the charts cover with a writable copy. */
    public static final String PATH = "/opt/jmx-exporter/" + JAR.fileName();

    private MetricsAgent() {}

    /** The layer holding the verified jar at {@link #PATH}, readable by the product's account. */
    public static FileEntriesLayer layer(Path jar) {
        return FileEntriesLayer.builder()
                .setName("metrics-agent")
                .addEntry(jar, AbsoluteUnixPath.get(PATH), FilePermissions.fromOctalString("644"))
                .build();
    }
}
