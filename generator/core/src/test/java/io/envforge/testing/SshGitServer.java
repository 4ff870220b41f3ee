package io.envforge.testing;

import io.envforge.git.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;

/**
 * Apache MINA sshd on 127.0.0.1 running the real {@code git upload-pack} / {@code git receive-pack} for each
 * command, with public-key authentication: the SSH transport. Writes the client key and a known_hosts file.
 */
public final class SshGitServer implements GitServer {

    private final SshServer server;
    private final Credentials good;
    private final Credentials wrong;

    private SshGitServer(SshServer server, Credentials good, Credentials wrong) {
        this.server = server;
        this.good = good;
        this.wrong = wrong;
    }

    /** Serves the bare repositories under {@code root}; keys and known_hosts go to {@code keys}. */
    public static SshGitServer start(Path root, Path keys) {
        try {
            KeyPair host = ecKey();
            KeyPair client = ecKey();
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(host));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, client.getPublic()));
            server.setCommandFactory((channel, command) -> new GitProcessCommand(root, command));
            server.start();
            Files.createDirectories(keys);
            Path knownHosts = keys.resolve("known_hosts");
            Files.writeString(
                    knownHosts,
                    "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic()) + "\n",
                    StandardCharsets.UTF_8);
            Path goodKey = write(keys.resolve("id_ecdsa"), client);
            Path wrongKey = write(keys.resolve("id_other"), ecKey());
            return new SshGitServer(
                    server, Credentials.sshKey(goodKey, knownHosts), Credentials.sshKey(wrongKey, knownHosts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static Path write(Path file, KeyPair pair) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "envforge-test", null, out);
        }
        return file;
    }

    @Override
    public String url(String name) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + name;
    }

    @Override
    public Credentials credentials() {
        return good;
    }

    @Override
    public Credentials wrongCredentials() {
        return wrong;
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
