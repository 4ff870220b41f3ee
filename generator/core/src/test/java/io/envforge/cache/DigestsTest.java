package io.envforge.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Digests}: the native SHA-256 after {@link Digests#warmUp} gives the JDK's digests. */
class DigestsTest {

    @Test
    void nativeSha256IsTheJdksSha256() throws Exception {
        Digests.warmUp();
        // the machines this runs on (Linux, x86-64) load Amazon Corretto Crypto Provider
        assertEquals("AmazonCorrettoCryptoProvider", Digests.provider());
        Random random = new Random(1);
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[random.nextInt(9000)];
            random.nextBytes(data);
            assertEquals(
                    HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-256", "SUN").digest(data)),
                    Digests.of(data));
        }
        // FIPS 180-2's "abc", and a key of parts: each part's length, a colon, the part
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Digests.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Digests.of("1:a2:bc".getBytes(StandardCharsets.US_ASCII)), Digests.key("a", "bc"));
    }
}
