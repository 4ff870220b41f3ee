package io.envforge.git;

import java.util.regex.Pattern;

/** Removes secrets from text that may be shown or logged: the password part of {@code scheme://user:secret@host}. */
public final class Redact {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/@\\s:]*):([^/@\\s]*)@");

    private Redact() {}

    /** {@code https://me:tok@host/x} → {@code https://me:***@host/x}; other text unchanged. */
    public static String userInfo(String text) {
        if (text == null) {
            return "";
        }
        return USER_INFO.matcher(text).replaceAll("$1$2:***@");
    }
}
