package io.envforge.git;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Hands the credentials to each JGit transport: the token to HTTP(S) only, the key file and known_hosts to SSH only
 * (Apache MINA sshd, public-key authentication). Maps transport failures to problems without secrets in them.
 */
final class Transports implements TransportConfigCallback, AutoCloseable {

    private final Credentials credentials;
    private final File home;
    private SshdSessionFactory ssh;

    Transports(Credentials credentials, File home) {
        this.credentials = credentials;
        this.home = home;
    }

    /**
     * Refuses to send the token over plain {@code http://}, where anyone on the path reads it (HTTP basic auth is
     * only encoded, RFC 7617 section 4). Checked before each fetch, push and clone, and again by {@link #configure}.
     */
    void refusePlainHttp(String url) {
        if (credentials.token().isPresent() && url != null && url.regionMatches(true, 0, "http://", 0, 7)) {
            throw new EnvforgeException(new Problem(
                    credentials.redact(url),
                    "",
                    null,
                    "refusing to send " + Credentials.TOKEN_VARIABLE + " over plain http://, unencrypted",
                    "use the remote's https:// (or ssh://) URL"));
        }
    }

    @Override
    public void configure(Transport transport) {
        if (transport instanceof TransportHttp && credentials.token().isPresent()) {
            refusePlainHttp(transport.getURI().toString());
            transport.setCredentialsProvider(new UsernamePasswordCredentialsProvider(
                    credentials.userOrDefault(), credentials.token().get()));
        }
        if (transport instanceof SshTransport sshTransport) {
            sshTransport.setSshSessionFactory(ssh());
        }
    }

    private synchronized SshdSessionFactory ssh() {
        if (ssh == null) {
            SshdSessionFactoryBuilder builder =
                    new SshdSessionFactoryBuilder().setHomeDirectory(home).setSshDirectory(new File(home, ".ssh"));
            credentials
                    .sshKey()
                    .ifPresent(key ->
                            builder.setDefaultIdentities(dir -> List.of(key)).setPreferredAuthentications("publickey"));
            credentials.knownHosts().ifPresent(hosts -> builder.setDefaultKnownHostsFiles(dir -> List.of(hosts)));
            ssh = builder.build(null);
        }
        return ssh;
    }

    /** A clear, secret-free problem for a failed fetch, push or clone of {@code url}. */
    EnvforgeException failure(String action, String url, String ref, Exception e) {
        String safeUrl = credentials.redact(url);
        String detail = credentials.redact(String.valueOf(e.getMessage()));
        String lower = detail.toLowerCase(Locale.ROOT);
        boolean auth = lower.contains("not authorized")
                || lower.contains("authentication")
                || lower.contains("auth fail")
                || lower.contains("cannot log in")
                || lower.contains(" 401")
                || lower.contains(" 403")
                || lower.contains("no more authentication methods")
                || lower.contains("credentialsprovider");
        if (auth) {
            return new EnvforgeException(new Problem(
                    safeUrl,
                    ref,
                    null,
                    action + " failed: the server refused the" + " credentials (" + detail + ")",
                    "for HTTPS set " + Credentials.TOKEN_VARIABLE + " to a valid"
                            + " token with write access; for SSH set " + Credentials.SSH_KEY_VARIABLE
                            + " to a key the server"
                            + " accepts (and " + Credentials.KNOWN_HOSTS_VARIABLE
                            + " to a known_hosts file with its host"
                            + " key)"));
        }
        if (lower.contains("server key did not validate") || lower.contains("host key")) {
            return new EnvforgeException(new Problem(
                    safeUrl,
                    ref,
                    null,
                    action + " failed: the SSH server's host key" + " is not in known_hosts or does not match it ("
                            + detail + ")",
                    "add the server's key to a"
                            + " known_hosts file (ssh-keyscan) and set " + Credentials.KNOWN_HOSTS_VARIABLE
                            + " to it, or"
                            + " check that you reach the right server"));
        }
        return new EnvforgeException(new Problem(
                safeUrl,
                ref,
                null,
                action + " failed: " + detail,
                "check that the remote exists and is reachable, then run again"));
    }

    static File defaultHome() {
        File home = FS.DETECTED.userHome();
        return home != null ? home : Path.of(System.getProperty("user.home")).toFile();
    }

    @Override
    public synchronized void close() {
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
    }
}
