package io.envforge.testing;

import java.nio.file.Path;

/** No server: the {@code file://} transport to bare repositories under a folder. */
public final class FileServer implements GitServer {

    private final Path root;

    public FileServer(Path root) {
        this.root = root;
    }

    @Override
    public String url(String name) {
        return root.resolve(name).toUri().toString();
    }

    @Override
    public void close() {
        // nothing runs
    }
}
