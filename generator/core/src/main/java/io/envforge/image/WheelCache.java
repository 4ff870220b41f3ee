package io.envforge.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The runner's wheels in a cache folder: each downloaded once, refused when its SHA-256 is not the pinned one, and
 * unpacked once into a folder named after that SHA-256 (so an unpacked tree always belongs to the pinned file).
 */
final class WheelCache {

    private final Path dir;

    WheelCache(Path dir) {
        this.dir = dir;
    }

    /** The wheel's unpacked tree: the zip's entries as they are ({@code *.data/} folders included). */
    Path unpacked(RunnerLock.Wheel wheel) {
        return unpacked(wheel, "");
    }

    /**
     * The entries below {@code prefix} only (e.g. one collection of the {@code ansible} package's thousands of
     * files), in a tree of their own.
     */
    Path unpacked(RunnerLock.Wheel wheel, String prefix) {
        String name = prefix.isEmpty() ? wheel.sha256() : wheel.sha256() + "-" + prefix.replaceAll("[^A-Za-z0-9]", "_");
        Path tree = dir.resolve("unpacked").resolve(name);
        if (Files.isDirectory(tree)) {
            return tree;
        }
        Path file = file(wheel);
        try {
            Files.createDirectories(tree.getParent());
            Path part = Files.createTempDirectory(tree.getParent(), name + ".part");
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                    ZipEntry e = en.nextElement();
                    if (!e.getName().startsWith(prefix)) {
                        continue;
                    }
                    Path out = part.resolve(e.getName()).normalize();
                    if (!out.startsWith(part)) {
                        throw new IllegalStateException(
                                wheel.fileName() + ": entry " + e.getName() + " leaves the tree");
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                        continue;
                    }
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, out);
                    }
                }
            }
            try {
                Files.move(part, tree, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(tree)) {
                    throw raced;
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + file, e);
        }
    }

    /** The verified wheel file: taken from the cache when it is already right, else downloaded. */
    Path file(RunnerLock.Wheel wheel) {
        try {
            Path files = Files.createDirectories(dir.resolve("files"));
            Path file = files.resolve(wheel.fileName());
            if (Files.isRegularFile(file) && DriverJar.sha256(file).equals(wheel.sha256())) {
                return file;
            }
            HttpClient client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(wheel.url())
                            .GET()
                            .timeout(Duration.ofMinutes(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("GET " + wheel.url() + ": HTTP " + response.statusCode());
            }
            Path part = Files.createTempFile(files, wheel.fileName(), ".part");
            try (InputStream in = response.body()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = DriverJar.sha256(part);
            if (!actual.equals(wheel.sha256())) {
                Files.delete(part);
                throw new IllegalStateException(wheel.url() + ": SHA-256 " + actual + ", but " + wheel.name() + " "
                        + wheel.version() + " is pinned to " + wheel.sha256() + " in " + RunnerLock.FILE
                        + "; refusing the wheel");
            }
            return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + wheel.fileName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + wheel.fileName(), e);
        }
    }
}
