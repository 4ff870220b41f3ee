package io.envforge.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.envforge.git.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS on 127.0.0.1 with a self-signed certificate (made by the JDK's keytool), HTTP basic authentication with a
 * token, and the real {@code git http-backend} behind it ({@link GitHttpBackend}): the smart HTTP(S) transport.
 */
public final class HttpsGitServer implements GitServer {

    public static final String USER = "envforge-bot";

    private final HttpsServer server;
    private final ExecutorService executor;
    private final SSLContext clientContext;
    private final String token;

    private HttpsGitServer(HttpsServer server, ExecutorService executor, SSLContext clientContext, String token) {
        this.server = server;
        this.executor = executor;
        this.clientContext = clientContext;
        this.token = token;
    }

    /** Serves the bare repositories under {@code root}; the key store goes to {@code work}. */
    public static HttpsGitServer start(Path root, Path work, String token) {
        try {
            KeyStore store = selfSigned(work.resolve("server.p12"));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(keys.getKeyManagers(), null, null);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, trust.getTrustManagers(), null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            server.createContext("/", new GitHttpBackend(root, USER, token));
            ExecutorService executor = Executors.newFixedThreadPool(4);
            server.setExecutor(executor);
            server.start();
            return new HttpsGitServer(server, executor, clientContext, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore selfSigned(Path file) throws IOException, GeneralSecurityException {
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "git",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    /** A TLS context that trusts this server's certificate only (the JVM default for JGit's HTTP client in tests). */
    public SSLContext clientContext() {
        return clientContext;
    }

    @Override
    public String url(String name) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    @Override
    public Credentials credentials() {
        return Credentials.token(USER, token);
    }

    @Override
    public Credentials wrongCredentials() {
        return Credentials.token(USER, wrongSecret());
    }

    @Override
    public String wrongSecret() {
        return "wrong-" + token;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
