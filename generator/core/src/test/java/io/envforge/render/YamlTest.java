package io.envforge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "on       | k: \"on\"",
                "yes      | k: \"yes\"",
                "No       | k: \"No\"",
                "1        | k: \"1\"",
                "1.10     | k: \"1.10\"",
                "0x1F     | k: \"0x1F\"",
                "12:30    | k: \"12:30\"",
                "~        | k: \"~\"",
                "2Gi      | k: 2Gi",
                "500m     | k: 500m",
                "wso2/am  | k: wso2/am",
                "0b101    | k: \"0b101\"",
                ".5       | k: \".5\"",
                "-0x1F    | k: \"-0x1F\"",
                "+0755    | k: \"+0755\"",
                "-1:30    | k: \"-1:30\"",
                "1:30.5   | k: \"1:30.5\"",
                "+Inf     | k: \"+Inf\"",
                "<<       | k: \"<<\"",
                "10.20.0.1 | k: 10.20.0.1",
                "2024-01-01 | k: \"2024-01-01\"",
                "2001-12-14t21:59:43.10-05:00 | k: \"2001-12-14t21:59:43.10-05:00\"",
                "2001-12-14 21:59:43.10 -5 | k: \"2001-12-14 21:59:43.10 -5\"",
                "2002-12-14 | k: \"2002-12-14\"",
                "v2024-01-01 | k: v2024-01-01",
            })
    void quotesWhatYaml11ReadersWouldMisread(String value, String expected) {
        assertEquals(expected + "\n", Yaml.dump(Map.of("k", value)));
    }

    @ParameterizedTest(name = "round trip {0}")
    @CsvSource({"on", "1.10", "true", "0755", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5"
    })
    void roundTripsAsStrings(String value) {
        assertEquals(List.of(Map.of("k", value)), Yaml.loadAll(Yaml.dump(Map.of("k", value))));
    }

    /** YAML 1.1's timestamps (yaml.org/type/timestamp.html), read back as strings by a YAML 1.1 reader. */
    @ParameterizedTest(name = "1.1 timestamp {0}")
    @CsvSource({
        "2024-01-01",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        "2001-12-15T02:59:43.1Z",
        "2001-12-14 21:59:43.10 Z",
        "2002-1-2 3:04:05"
    })
    void timestampsReadBackAsStringsInYaml11(String value) {
        Object back = ((Map<?, ?>) new org.yaml.snakeyaml.Yaml().load(Yaml.dump(Map.of("k", value)))).get("k");
        assertEquals(value, back);
    }

    /**
     * Every string of up to four characters over the alphabet of YAML 1.1's numbers, dumped and read back by a YAML 1.1
     * reader (SnakeYAML 2.3, org.yaml: its {@code Resolver} holds the 1.1 int, float, bool and null patterns), is the
     * same string: what the dumper leaves plain a 1.1 reader does not take for a number.
     */
    @Test
    void noStringOverTheNumberAlphabetReadsBackAsANumberInYaml11() {
        String alphabet = "0179bxoeE.:_+-";
        List<String> corpus = new ArrayList<>(List.of(""));
        List<String> misread = new ArrayList<>();
        org.yaml.snakeyaml.Yaml yaml11 = new org.yaml.snakeyaml.Yaml();
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : corpus) {
                if (prefix.length() == length - 1) {
                    for (char c : alphabet.toCharArray()) {
                        longer.add(prefix + c);
                    }
                }
            }
            for (String s : longer) {
                String dumped = Yaml.dump(Map.of("k", s));
                try {
                    Object back = ((Map<?, ?>) yaml11.load(dumped)).get("k");
                    if (!s.equals(back)) {
                        misread.add(dumped.strip() + " -> " + back);
                    }
                } catch (RuntimeException e) { // the 1.1 reader resolved it as a number it then cannot parse
                    misread.add(dumped.strip() + " -> " + e.getClass().getSimpleName());
                }
            }
            corpus.addAll(longer);
        }
        assertTrue(corpus.size() > 40_000, "corpus " + corpus.size());
        assertEquals(List.of(), misread);
    }

    /** {@link Yaml#quoted}'s shortcut for strings that begin with a letter agrees with the pattern on every input. */
    @Test
    void quotingShortcutAgreesWithThePattern() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "yesnoftrulaxYESNOFTRULAX0123456789.-+:_~<=eEiI ";
        int quoted = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(7); n >= 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = s.toString();
            assertEquals(Yaml.quotedByPattern(v), Yaml.quoted(v), v);
            quoted += Yaml.quoted(v) ? 1 : 0;
        }
        assertTrue(quoted > 1000, "quoted " + quoted);
    }
}
