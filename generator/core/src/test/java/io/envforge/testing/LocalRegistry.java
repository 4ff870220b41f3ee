package io.envforge.testing;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real OCI registry on 127.0.0.1 (go-containerregistry's, built by tools/build-components.sh registry) and a Maven
 * repository over HTTP beside it, for the image tests. {@link #available()} says whether the registry binary exists.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getProperty(
                    "envforge.tools.bin", System.getProperty("user.home") + "/.cache/envforge/tools/bin"))
            .resolve("registry");
    public static final String MANIFEST_TYPES =
            "application/vnd.oci.image.manifest.v1+json," + "application/vnd.docker.distribution.manifest.v2+json";

    private final Process process;
    private final HttpServer maven;
    private final Path dir;
    public final String host;
    public final Map<String, byte[]> mavenFiles = new ConcurrentHashMap<>();

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public LocalRegistry(Path dir) throws Exception {
        this.dir = dir;
        int port = FreePort.find();
        process = new ProcessBuilder(BINARY.toString(), "-port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        host = "127.0.0.1:" + port;
        awaitHttp("http://" + host + "/v2/");
        maven = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        maven.createContext("/maven2/", exchange -> {
            byte[] body = mavenFiles.get(exchange.getRequestURI().getPath().substring("/maven2/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        maven.start();
    }

    public URI mavenUri() {
        return URI.create("http://127.0.0.1:" + maven.getAddress().getPort() + "/maven2/");
    }

    /** A stand-in product base image: the start script at {@code script}, user {@code uid}; returns its digest. */
    public String pushBase(String ref, String script, String uid) throws Exception {
        Path file = Files.writeString(Files.createTempFile(dir, "start", ".sh"), "#!/bin/sh\necho started\n");
        return Jib.fromScratch()
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .addEntry(file, AbsoluteUnixPath.get(script))
                        .build())
                .setEntrypoint(List.of(script))
                .setUser(uid)
                .containerize(Containerizer.to(RegistryImage.named(ref))
                        .setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(dir.resolve("jib-base/base"))
                        .setApplicationLayersCache(dir.resolve("jib-base/app")))
                .getDigest()
                .toString();
    }

    public HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://" + host + path))
                                .header("Accept", accept)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The registry's digest of {@code repository:tag} (its Docker-Content-Digest header). */
    public String digestOf(String repository, String tag) throws Exception {
        HttpResponse<byte[]> r = get("/v2/" + repository + "/manifests/" + tag, MANIFEST_TYPES);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(repository + ":" + tag + ": HTTP " + r.statusCode());
        }
        return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private void awaitHttp(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("registry did not start: " + Files.readString(dir.resolve("registry.log")));
    }

    @Override
    public void close() throws InterruptedException {
        maven.stop(0);
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
