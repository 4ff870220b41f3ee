package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.envforge.api.GenerateRequest;
import io.envforge.api.Shard;
import io.envforge.error.EnvforgeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shards deal the sorted selection round-robin: disjoint, complete, sizes within one; bad K/N named. */
class ShardTest {

    private static final List<String> NAMES =
            List.of("e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08", "e09", "e10");

    @Test
    void shardsAreDisjointCoverTheSelectionAndDifferByAtMostOne() {
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            List<String> slice = Selection.resolve(List.of("all"), NAMES, Shard.parse(k + "/3"));
            assertEquals(k == 1 ? 4 : 3, slice.size());
            all.addAll(slice);
        }
        assertEquals(NAMES, all.stream().sorted().toList());
        assertEquals(List.of("e02", "e05", "e08"), Selection.resolve(List.of("e*"), NAMES, Shard.parse("2/3")));
        assertEquals(List.of("e10"), Selection.resolve(List.of("all"), NAMES, Shard.parse("10/10")));
    }

    @Test
    void theShardIsAFieldOfTheRequestNotASelector() {
        GenerateRequest request = GenerateRequest.builder(Path.of("/ws"))
                .environments("all")
                .shard(" 2/8 ")
                .build();
        assertEquals(List.of("all"), request.environments());
        assertEquals(Optional.of(new Shard(2, 8)), request.shard());
        assertEquals(request, request.toBuilder().build());
        assertEquals(
                Optional.empty(),
                GenerateRequest.builder(Path.of("/ws")).shard("").build().shard());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0/8|-Dshard \"0/8\": a shard is K/N with 1 <= K <= N; for example -Dshard=1/8 (first of eight)",
                "9/8|-Dshard \"9/8\": a shard is K/N with 1 <= K <= N; for example -Dshard=1/8 (first of eight)",
                "1-8|-Dshard \"1-8\": a shard is K/N (two whole numbers); for example -Dshard=1/8 (first of eight)"
            })
    void badShardIsNamedWithAFix(String value, String message) {
        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> GenerateRequest.builder(Path.of("/ws")).shard(value));
        assertEquals(message, e.problems().get(0).render());
    }
}
