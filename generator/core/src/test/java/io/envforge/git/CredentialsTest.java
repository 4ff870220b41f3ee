package io.envforge.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "token in https URL    | push to https://bot:t0k@host/x.git failed | push to https://bot:***@host/x.git failed",
                "empty user            | https://:t0k@host/x                       | https://:***@host/x",
                "user only is kept     | ssh://git@host:22/x.git                   | ssh://git@host:22/x.git",
                "two URLs              | a http://u:p@h/ b https://v:q@i/          | a http://u:***@h/ b https://v:***@i/",
                "no URL                | nothing here: a:b@c                       | nothing here: a:b@c",
            })
    void redactsThePasswordOfEveryUrl(String name, String text, String expected) {
        assertEquals(expected, Redact.userInfo(text));
    }

    @Test
    void theTokenIsRedactedWhereverItAppears() {
        Credentials credentials = Credentials.token(null, "abc123secret");
        assertEquals("server said abc: *** rejected", credentials.redact("server said abc: abc123secret rejected"));
        assertFalse(credentials.toString().contains("abc123secret"));
        assertEquals("x-access-token", credentials.userOrDefault());
    }

    @Test
    void readsTheEnvironment() {
        Credentials credentials = Credentials.fromEnvironment(Map.of(
                Credentials.TOKEN_VARIABLE,
                " tok ",
                Credentials.SSH_KEY_VARIABLE,
                "/keys/id",
                Credentials.USER_VARIABLE,
                ""));
        assertEquals(Optional.of("tok"), credentials.token());
        assertEquals(Optional.of(Path.of("/keys/id")), credentials.sshKey());
        assertEquals(Optional.empty(), credentials.user());
        assertTrue(Credentials.fromEnvironment(Map.of()).token().isEmpty());
    }
}
