package io.envforge.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * One server per transport over one folder of bare repositories, for a test class: {@code file}, {@code git}
 * (git daemon), {@code ssh} (Apache MINA sshd + git) and {@code https} (git http-backend, token auth). While open,
 * the JVM's default HTTPS trust is this HTTPS server's certificate.
 */
public final class Servers implements AutoCloseable {

    public static final String TOKEN = "s3cr3t-token-4c9e1f";

    private final Map<String, GitServer> byName = new LinkedHashMap<>();
    private final Path root;
    private final Path sshHome;
    private final SSLSocketFactory previousTls;

    public Servers(Path dir) throws Exception {
        root = Files.createDirectories(dir.resolve("repos"));
        sshHome = Files.createDirectories(dir.resolve("home"));
        previousTls = HttpsURLConnection.getDefaultSSLSocketFactory();
        byName.put("file", new FileServer(root));
        byName.put("git", GitDaemon.start(root));
        byName.put("ssh", SshGitServer.start(root, Files.createDirectories(dir.resolve("ssh"))));
        HttpsGitServer https = HttpsGitServer.start(root, Files.createDirectories(dir.resolve("tls")), TOKEN);
        byName.put("https", https);
        HttpsURLConnection.setDefaultSSLSocketFactory(https.clientContext().getSocketFactory());
    }

    public GitServer get(String transport) {
        return byName.get(transport);
    }

    /** Where the bare repositories live. */
    public Path root() {
        return root;
    }

    /** An empty home folder for the SSH client, so that no {@code ~/.ssh} of the machine is used. */
    public Path sshHome() {
        return sshHome;
    }

    @Override
    public void close() {
        HttpsURLConnection.setDefaultSSLSocketFactory(previousTls);
        byName.values().forEach(GitServer::close);
    }
}
