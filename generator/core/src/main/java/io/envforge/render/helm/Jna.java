package io.envforge.render.helm;

/**
 * JNA's string encoding, fixed to UTF-8 before JNA first loads. JNA converts Java strings to and from C strings with
 * {@code Native.DEFAULT_ENCODING}, read once from {@code jna.encoding}, else from {@code native.encoding}, the
 * locale's (JNA 5.18.1). Helm's Go code reads and writes UTF-8 whatever the locale, so under a POSIX locale helm-java
 * turned every non-ASCII character of a manifest into U+FFFD. {@link NativeHelmEngine} passes bytes and decodes
 * UTF-8 itself; helm-java passes {@code String}s. Both engine classes call it in their static initializers, before
 * either touches JNA.
 */
final class Jna {

    private Jna() {}

    /** Sets {@code jna.encoding} to UTF-8 unless it is set already (by the user, who then owns it). */
    static void utf8() {
        if (System.getProperty("jna.encoding") == null) {
            System.setProperty("jna.encoding", "UTF-8");
        }
    }
}
