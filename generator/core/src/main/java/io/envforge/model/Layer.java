package io.envforge.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One layer of the platform, as deployed in an environment.
 *
 * @param name release, chart and Service name: {@code api-gateway} or {@code integration}
 * @param replicas pods, at least 2
 * @param image the product image
 * @param resources container requests and limits
 * @param port the port of the layer's ClusterIP Service that peers call
 * @param databases the logical databases the layer owns
 * @param dbUser the database user of the layer (owns only {@link #databases})
 * @param dbSecret the Kubernetes Secret (keys {@code username}, {@code password}) an ExternalSecret fills
 * @param internalSecret the Kubernetes Secret with the product's admin and key material
 * @param remoteDbSecret the secret store key {@link #dbSecret} is read from
 * @param remoteInternalSecret the secret store key holding the admin credentials of {@link #internalSecret}
 * @param secrets the other secret store keys {@link #internalSecret} is filled from, and every rotation counter
 */
public record Layer(
        String name,
        int replicas,
        Image image,
        Resources resources,
        int port,
        List<String> databases,
        String dbUser,
        String dbSecret,
        String internalSecret,
        String remoteDbSecret,
        String remoteInternalSecret,
        LayerSecrets secrets) {

    public static final String API = "api-gateway";
    public static final String INTEGRATION = "integration";

    private static final Pattern VERSION = Pattern.compile("^[0-9]+\\.[0-9]+\\.[0-9]+");

    public Layer {
        Checks.notBlank("name", name);
        Checks.atLeast(name + ".replicas", replicas, 2);
        databases = List.copyOf(databases);
    }

    /** The account the layer's pods run as: the one that owns the product in its image (the charts' default). */
    public ProductAccount account() {
        return API.equals(name) ? ProductAccount.API_MANAGER : ProductAccount.MICRO_INTEGRATOR;
    }

    /**
     * Where the product is unpacked in the layer's image: {@code /home/wso2carbon/<product>-<x.y.z>}, the version the
     * image tag starts with, as the charts derive it ({@code <chart>.productHome}). WSO2's Dockerfiles (wso2/docker-apim
     * 4.3.x {@code dockerfiles/ubuntu/apim/Dockerfile}, wso2/docker-ei 4.3.x
     * {@code dockerfiles/ubuntu/micro-integrator/Dockerfile}) unzip the distribution into {@code USER_HOME}
     * ({@code /home/wso2carbon}) as {@code WSO2_SERVER_HOME = ${USER_HOME}/${WSO2_SERVER_NAME}-${WSO2_SERVER_VERSION}},
     * names {@code wso2am} and {@code wso2mi}.
     */
    public String productHome() {
        Matcher version = VERSION.matcher(image.tag());
        if (!version.find()) {
            throw new IllegalArgumentException(name + ".image.tag \"" + image.tag()
                    + "\" does not start with a product version x.y.z; for example 4.3.0");
        }
        return "/home/" + account().user() + "/" + (API.equals(name) ? "wso2am" : "wso2mi") + "-" + version.group();
    }

    /** The layer's folder on the NFS share: the chart's {@code nfs.subPath}, whose default is the layer's name. */
    public String nfsSubPath() {
        return name;
    }

    /**
     * Folders below {@link #nfsSubPath} that the chart mounts: the API layer's synapse artifacts, the integration
     * layer's Carbon applications.
     */
    public List<String> nfsMounts() {
        return API.equals(name) ? List.of("synapse-configs") : List.of("carbonapps");
    }

    /** Alias of the layer's private key in its keystore (cert-manager {@code spec.keystores.jks.alias}). */
    public static final String KEY_ALIAS = "envforge";

    /**
     * The Kubernetes Secret holding the layer's {@code keystore.jks} and {@code truststore.jks}, written by cert-manager
     * from the layer's Certificate and mounted by the chart ({@code keystore.existingSecret}).
     */
    public String keystoreSecret() {
        return name + "-tls";
    }

    /** The layer's stable in-cluster DNS name. */
    public String serviceHost(String namespace) {
        return name + "." + namespace + ".svc.cluster.local";
    }
}
