package io.envforge.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per kind of secret value: none of them may reach the summary; ordinary values do. */
class RedactionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "secret data",
                        "overlays/e1/platform/s.yaml",
                        "kind: Secret\nmetadata: {name: s, namespace: e1}\ndata: {user: T0xE}\n",
                        "kind: Secret\nmetadata: {name: s, namespace: e1}\ndata: {user: TkVX}\n",
                        "(redacted)"),
                Arguments.of(
                        "secret stringData",
                        "overlays/e1/platform/s.yaml",
                        "kind: Secret\nmetadata: {name: s}\nstringData: {conf: old-value}\n",
                        "kind: Secret\nmetadata: {name: s}\nstringData: {conf: new-value}\n",
                        "(redacted)"),
                Arguments.of(
                        "password key in values",
                        "overlays/e1/layers/a.values.yaml",
                        "db: {password: old-value}\n",
                        "db: {password: new-value}\n",
                        "(redacted)"),
                Arguments.of(
                        "token key in JSON",
                        "clusters/e1/envforge/argocd.json",
                        "{\"apiToken\": \"old-value\"}",
                        "{\"apiToken\": \"new-value\"}",
                        "(redacted)"),
                Arguments.of(
                        "key in a list",
                        "overlays/e1/x.yaml",
                        "kind: X\nmetadata: {name: x}\napiKey: [old-value]\n",
                        "kind: X\nmetadata: {name: x}\napiKey: [new-value]\n",
                        "(redacted)"),
                Arguments.of(
                        "ordinary field",
                        "overlays/e1/x.yaml",
                        "kind: X\nmetadata: {name: x}\nreplicas: old-value\n",
                        "kind: X\nmetadata: {name: x}\nreplicas: new-value\n",
                        "`new-value`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secretValuesNeverAppear(String name, String file, String before, String after, String shown) {
        String md = SummaryMarkdown.render(ChangeSummary.of(Map.of(file, before), Map.of(file, after)));
        boolean ordinary = shown.startsWith("`");
        assertEquals(ordinary, md.contains("old-value") && md.contains("new-value"), md);
        if (!ordinary) {
            assertFalse(md.contains("value`"), md);
        }
        assertEquals(true, md.contains("→ " + shown), md);
    }
}
