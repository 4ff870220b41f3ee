package io.envforge.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product image that can reach its database: the base image, pinned by digest, plus one layer holding the JDBC
 * driver at the folder the product loads drivers from, built and pushed by jib-core (no Docker engine). The base's
 * configuration (entrypoint, user, environment, working directory) is kept: jib inherits what the build does not set.
 *
 * @param base the base image, {@code repository:tag@sha256:...}
 * @param target where to push, {@code registry/repository:tag}
 * @param libDir absolute folder in the image the jar goes to
 * @param insecure allow a plain-HTTP registry (a test registry on 127.0.0.1)
 * @param cache jib's layer cache folder
 */
public record DriverImage(String base, String target, String libDir, boolean insecure, Path cache) {

    private static final Pattern PINNED = Pattern.compile("^[^@\\s]+@sha256:[0-9a-f]{64}$");
    private static final Pattern VERSION = Pattern.compile("^([0-9]+\\.[0-9]+\\.[0-9]+)");

    public DriverImage {
        if (!PINNED.matcher(base).matches()) {
            throw new IllegalArgumentException("base image \"" + base + "\" is not pinned: give repository:tag@sha256:"
                    + "<64 hex digits>, e.g. wso2/wso2am:4.3.0@sha256:<digest the registry shows>");
        }
        if (!libDir.startsWith("/")) {
            throw new IllegalArgumentException("libDir \"" + libDir + "\" must be absolute");
        }
    }

    /**
     * Where a WSO2 product loads JDBC drivers from, for the product home of an image tag (x.y.z...):
     * API Manager {@code <AM_HOME>/repository/components/lib}, Micro Integrator {@code <MI_HOME>/lib} (WSO2 docs,
     * "Changing to PostgreSQL" of API Manager 4.x and "Setting up a PostgreSQL Database" of the Micro Integrator:
     * copy the driver there). Home: {@code /home/wso2carbon/wso2am-<x.y.z>} or {@code wso2mi-<x.y.z>}, as the charts
     * derive it (wso2/docker-apim and docker-mi Dockerfiles: WSO2_SERVER_HOME under USER_HOME /home/wso2carbon).
     */
    public static String libDir(String product, String tag) {
        Matcher m = VERSION.matcher(tag);
        if (!m.find()) {
            throw new IllegalArgumentException("image tag \"" + tag + "\" does not start with a version x.y.z");
        }
        String home = "/home/wso2carbon/" + product + "-" + m.group(1);
        return switch (product) {
            case "wso2am" -> home + "/repository/components/lib";
            case "wso2mi" -> home + "/lib";
            default -> throw new IllegalArgumentException("unknown product \"" + product + "\"; wso2am or wso2mi");
        };
    }

    /** Builds and pushes; returns the pushed image's manifest digest ({@code sha256:...}). */
    public String build(Path driverJar, String jarName) throws Exception {
        return build(driverJar, jarName, List.of());
    }

    /** Builds with {@code more} layers after the driver's (e.g. {@link MetricsAgent#layer}) and pushes. */
    public String build(Path driverJar, String jarName, List<FileEntriesLayer> more) throws Exception {
        FileEntriesLayer layer = FileEntriesLayer.builder()
                .setName("jdbc-driver")
                .addEntry(
                        driverJar,
                        AbsoluteUnixPath.get(libDir).resolve(jarName),
                        FilePermissions.fromOctalString("644"))
                .build();
        JibContainerBuilder builder = Jib.from(RegistryImage.named(base)).addFileEntriesLayer(layer);
        for (FileEntriesLayer l : more) {
            builder.addFileEntriesLayer(l);
        }
        JibContainer pushed = builder.containerize(Containerizer.to(RegistryImage.named(target))
                .setAllowInsecureRegistries(insecure)
                .setBaseImageLayersCache(cache.resolve("base"))
                .setApplicationLayersCache(cache.resolve("application"))
                .setToolName("envforge"));
        return pushed.getDigest().toString();
    }
}
