package io.envforge.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Fetches a {@link JdbcDriver} from a Maven repository into a cache folder, refusing a jar whose SHA-256 differs. */
public final class DriverJar {

    /** Maven Central. */
    public static final URI CENTRAL = URI.create("https://repo1.maven.org/maven2/");

    private DriverJar() {}

    /** The verified jar in {@code cache}: taken from there when it is already right, else downloaded. */
    public static Path fetch(JdbcDriver driver, URI repository, Path cache) {
        try {
            Files.createDirectories(cache);
            Path jar = cache.resolve(driver.fileName());
            if (Files.isRegularFile(jar) && sha256(jar).equals(driver.sha256())) {
                return jar;
            }
            URI url = repository.resolve(driver.repositoryPath());
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(url)
                            .GET()
                            .timeout(Duration.ofMinutes(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
            }
            Path part = Files.createTempFile(cache, driver.fileName(), ".part");
            try (InputStream in = response.body()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = sha256(part);
            if (!actual.equals(driver.sha256())) {
                Files.delete(part);
                throw new IllegalStateException(url + ": SHA-256 " + actual + ", but " + driver.coordinates()
                        + " is pinned to " + driver.sha256() + "; refusing the jar");
            }
            return Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + driver.coordinates(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + driver.coordinates(), e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
