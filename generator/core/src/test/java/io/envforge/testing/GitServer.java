package io.envforge.testing;

import io.envforge.git.Credentials;

/** A Git server on 127.0.0.1 serving the bare repositories under one folder, started and stopped by a test. */
public interface GitServer extends AutoCloseable {

    /** The URL of {@code name} (a bare repository under the server's root), without credentials. */
    String url(String name);

    /** Credentials the server accepts; none by default. */
    default Credentials credentials() {
        return Credentials.none();
    }

    /** Credentials the server refuses, for the wrong-credential cases; {@code null} (the default) when it needs none. */
    default Credentials wrongCredentials() {
        return null;
    }

    /** The secret in {@link #wrongCredentials()} that must never be shown; {@code null} (the default) when none. */
    default String wrongSecret() {
        return null;
    }

    @Override
    void close();
}
