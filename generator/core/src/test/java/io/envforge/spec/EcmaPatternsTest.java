package io.envforge.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON Schema patterns keep ECMA-262's end anchor on the JDK engine: a trailing line break is not the end. */
class EcmaPatternsTest {

    @ParameterizedTest(name = "{0}: /{1}/ on \"{2}\" -> {3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "plain value                 | ^[a-z-]+[0-9]$     | eu-west-1          | true",
                "trailing newline            | ^[a-z-]+[0-9]$     | 'eu-west-1\n'      | false",
                "trailing CR LF              | ^[0-9]{12}$        | '123456789012\r\n' | false",
                "dollar in a class           | ^[$a]+$            | $a$                | true",
                "escaped dollar              | ^a\\$$             | a$                 | true",
                "escaped dollar, newline     | ^a\\$$             | 'a$\n'             | false",
                "alternation anchors         | '\\.lock(/|$)'      | 'x.lock\n'         | false",
                "unanchored finds            | ab                 | xaby               | true",
            })
    void anchorsAtTheEndOfInput(String label, String pattern, String value, boolean matches) {
        String text = value.replace("\\n", "\n").replace("\\r", "\r");
        assertEquals(
                matches, EcmaPatterns.INSTANCE.getRegularExpression(pattern).matches(text));
    }
}
