package io.envforge.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.HexFormat;

/**
 * SHA-256 helpers: a key made of several parts (each length-prefixed, so no two part lists collide), computed in
 * native code once {@link #warmUp} has run (see {@link #sha256}).
 */
public final class Digests {

    private Digests() {}

    /** The hex SHA-256 of {@code parts}, each prefixed by its length. */
    public static String key(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hex SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * A SHA-256: Amazon Corretto Crypto Provider's once {@link #warmUp} has loaded it, else the JDK's. The digest is
     * the same either way; only the speed differs. The JDK's SHA-256 is Java code, and under C1 (the launcher's
     * compiler, which has no SHA intrinsic) it hashed 90 MB in 0.61 s of CPU; ACCP (AWS-LC, with the CPU's SHA
     * instructions) in 0.06 s. A full run of 1,000 environments hashes about 100 MB of manifests for the validation
     * cache's keys (docs/benchmark.md).
     */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256", provider);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads Amazon Corretto Crypto Provider and waits for its self-tests (about 0.2 s of CPU), for {@link #sha256}
     * to use from then on: called on the pipeline's warm-up thread, so a run that renders nothing never pays for it.
     * Where it cannot load (another OS or CPU than its native library's, linux-x86_64) or fails its self-tests, the
     * JDK's SHA-256 stays.
     */
    public static void warmUp() {
        try {
            com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider accp =
                    com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() == null) {
                accp.assertHealthy();
                provider = accp;
            }
        } catch (RuntimeException | LinkageError e) {
            // the JDK's SHA-256
        }
    }

    /** Which provider {@link #sha256} uses now (tests). */
    static String provider() {
        return provider.getName();
    }

    /** {@link #sha256}'s provider: the JDK's until {@link #warmUp} has loaded ACCP. */
    private static volatile Provider provider = jdk();

    private static Provider jdk() {
        try {
            return MessageDigest.getInstance("SHA-256").getProvider();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
