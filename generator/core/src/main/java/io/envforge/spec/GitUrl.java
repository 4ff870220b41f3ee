package io.envforge.spec;

import io.envforge.error.Problem;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a Git URL for credentials. A URL is copied into generated objects, commit messages and logs, so it must not
 * carry a password or token: {@code https://user:token@host/...} and {@code https://token@host/...} are refused (over
 * HTTP(S) the user part is where tokens go; Git's own docs show {@code https://<user>:<token>@host}). A user name alone
 * is fine for SSH ({@code ssh://git@host/x.git}, {@code git@host:x.git}), where it is not a secret.
 */
public final class GitUrl {

    private GitUrl() {}

    /**
     * The problem with {@code url}, if any. {@code source} and {@code path} say where it came from; {@code fix} says
     * where credentials belong instead.
     */
    public static Optional<Problem> credentials(String source, String path, String url, String fix) {
        if (url == null || !url.contains("://")) {
            return scpLikeWithPassword(url)
                    ? Optional.of(new Problem(source, path, redacted(url), "the URL carries a password", fix))
                    : Optional.empty();
        }
        String scheme = url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT);
        String rest = url.substring(url.indexOf("://") + 3);
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String userInfo = authority.substring(0, at);
        boolean http = scheme.equals("http") || scheme.equals("https");
        if (userInfo.contains(":") || http) {
            return Optional.of(new Problem(
                    source,
                    path,
                    redacted(url),
                    "the URL carries credentials ("
                            + (userInfo.contains(":") ? "a password or token" : "a user name, where HTTPS tokens go")
                            + ")",
                    fix));
        }
        return Optional.empty();
    }

    /** True when {@code url} is plain {@code http://}. */
    public static boolean isPlainHttp(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("http://");
    }

    /**
     * True when {@code url}'s host is this machine (127.0.0.0/8, {@code localhost}, {@code [::1]}): plain http there
     * never leaves the host, as for a Git server beside the controllers in a test or a single-machine setup.
     */
    public static boolean isLoopback(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host != null
                    && (host.equals("localhost") || host.equals("[::1]") || host.matches("127(\\.\\d{1,3}){3}"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code url} with everything before the {@code @} of its authority replaced by {@code ***}, for messages. */
    public static String redacted(String url) {
        if (url == null) {
            return "";
        }
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = url.indexOf('/', start);
        int at = url.lastIndexOf('@', end < 0 ? url.length() : end);
        return at < start ? url : url.substring(0, start) + "***" + url.substring(at);
    }

    private static boolean scpLikeWithPassword(String url) {
        if (url == null) {
            return false;
        }
        int at = url.indexOf('@');
        int colon = url.indexOf(':');
        return at > 0 && colon >= 0 && colon < at;
    }
}
