package io.envforge.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
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
            })
    void quotesWhatYaml11ReadersWouldMisread(String value, String expected) {
        assertEquals(expected + "\n", Yaml.dump(Map.of("k", value)));
    }

    @ParameterizedTest(name = "round trip {0}")
    @CsvSource({"on", "1.10", "true", "0755"})
    void roundTripsAsStrings(String value) {
        assertEquals(List.of(Map.of("k", value)), Yaml.loadAll(Yaml.dump(Map.of("k", value))));
    }
}
