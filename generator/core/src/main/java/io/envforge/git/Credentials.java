package io.envforge.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How envforge authenticates to a remote. A token is used for HTTPS (as the password of HTTP basic auth); a key file
 * (and optionally a known_hosts file) for SSH. {@link #toString()} never shows the token.
 *
 * @param user the HTTPS user name sent with the token ({@code x-access-token} when unset; any value works for most
 *     servers)
 * @param token the HTTPS token, usually from {@code ENVFORGE_GIT_TOKEN}
 * @param sshKey a private key file for SSH (OpenSSH or PEM format, not passphrase-protected)
 * @param knownHosts a known_hosts file holding the SSH server's host key; {@code ~/.ssh/known_hosts} when unset
 */
public record Credentials(
        Optional<String> user, Optional<String> token, Optional<Path> sshKey, Optional<Path> knownHosts) {

    public static final String TOKEN_VARIABLE = "ENVFORGE_GIT_TOKEN";
    public static final String USER_VARIABLE = "ENVFORGE_GIT_USER";
    public static final String SSH_KEY_VARIABLE = "ENVFORGE_GIT_SSH_KEY";
    public static final String KNOWN_HOSTS_VARIABLE = "ENVFORGE_GIT_KNOWN_HOSTS";

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(sshKey, "sshKey");
        Objects.requireNonNull(knownHosts, "knownHosts");
        token = token.filter(t -> !t.isBlank());
    }

    /** No credentials: anonymous transports, or whatever {@code ~/.ssh} holds. */
    public static Credentials none() {
        return new Credentials(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads {@code ENVFORGE_GIT_TOKEN}, {@code ENVFORGE_GIT_USER}, {@code ENVFORGE_GIT_SSH_KEY}, {@code ..._KNOWN_HOSTS}. */
    public static Credentials fromEnvironment(Map<String, String> env) {
        return new Credentials(
                value(env, USER_VARIABLE),
                value(env, TOKEN_VARIABLE),
                value(env, SSH_KEY_VARIABLE).map(Path::of),
                value(env, KNOWN_HOSTS_VARIABLE).map(Path::of));
    }

    public static Credentials token(String user, String token) {
        return new Credentials(Optional.ofNullable(user), Optional.of(token), Optional.empty(), Optional.empty());
    }

    public static Credentials sshKey(Path key, Path knownHosts) {
        return new Credentials(Optional.empty(), Optional.empty(), Optional.of(key), Optional.ofNullable(knownHosts));
    }

    /** The user name sent with the token. */
    public String userOrDefault() {
        return user.orElse("x-access-token");
    }

    /** {@code text} with the token, and any {@code user:secret@} in a URL, replaced by {@code ***}. */
    public String redact(String text) {
        String out = Redact.userInfo(text);
        if (token.isPresent()) {
            out = out.replace(token.get(), "***");
        }
        return out;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user.orElse("") + ", token=" + (token.isPresent() ? "***" : "none")
                + ", sshKey=" + sshKey.map(Path::toString).orElse("none")
                + ", knownHosts=" + knownHosts.map(Path::toString).orElse("default") + "]";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
