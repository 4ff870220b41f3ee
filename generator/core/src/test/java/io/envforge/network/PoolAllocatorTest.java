package io.envforge.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PoolAllocatorTest {

    private static final Pool DEFAULT = new Pool("default", Cidr.parse("10.64.0.0/10"), 20);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("empty pool: first block", List.of(DEFAULT), List.of(), 1, List.of("10.64.0.0/20")),
                Arguments.of(
                        "three at once: consecutive",
                        List.of(DEFAULT),
                        List.of(),
                        3,
                        List.of("10.64.0.0/20", "10.64.16.0/20", "10.64.32.0/20")),
                Arguments.of(
                        "skips a used block", List.of(DEFAULT), List.of("10.64.0.0/20"), 1, List.of("10.64.16.0/20")),
                Arguments.of(
                        "fills a hole first",
                        List.of(DEFAULT),
                        List.of("10.64.0.0/20", "10.64.32.0/20"),
                        2,
                        List.of("10.64.16.0/20", "10.64.48.0/20")),
                Arguments.of(
                        "skips an on-prem /16 in the pool",
                        List.of(DEFAULT),
                        List.of("10.64.0.0/16"),
                        1,
                        List.of("10.65.0.0/20")),
                Arguments.of(
                        "skips a reserved /24 inside the first block",
                        List.of(DEFAULT),
                        List.of("10.64.3.0/24"),
                        1,
                        List.of("10.64.16.0/20")),
                Arguments.of(
                        "skips a smaller environment block",
                        List.of(DEFAULT),
                        List.of("10.64.0.0/23"),
                        1,
                        List.of("10.64.16.0/20")),
                Arguments.of(
                        "two small blocks straddling a boundary",
                        List.of(DEFAULT),
                        List.of("10.64.15.0/24", "10.64.16.0/24"),
                        1,
                        List.of("10.64.32.0/20")),
                Arguments.of(
                        "second pool when the first is full",
                        List.of(
                                new Pool("small", Cidr.parse("10.100.0.0/19"), 20),
                                new Pool("big", Cidr.parse("172.20.0.0/14"), 22)),
                        List.of("10.100.0.0/20"),
                        2,
                        List.of("10.100.16.0/20", "172.20.0.0/22")),
                Arguments.of(
                        "pool prefix /23",
                        List.of(new Pool("p", Cidr.parse("192.168.0.0/16"), 23)),
                        List.of("192.168.0.0/24"),
                        1,
                        List.of("192.168.2.0/23")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void allocates(String name, List<Pool> pools, List<String> taken, int count, List<String> expected) {
        List<Cidr> got =
                new PoolAllocator(pools, taken.stream().map(Cidr::parse).toList()).allocate(count);
        assertEquals(expected, got.stream().map(Cidr::toString).toList());
    }

    @Test
    void exhaustedPoolSaysHowManyBlocksAreLeft() {
        Pool small = new Pool("small", Cidr.parse("10.100.0.0/18"), 20);
        PoolAllocator allocator = new PoolAllocator(List.of(small), List.of(Cidr.parse("10.100.0.0/20")));
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, () -> allocator.allocate(4));
        assertEquals(
                "the pools have only 3 free block(s) and 4 new environment(s) need one each"
                        + " (small 10.100.0.0/18 /20: 4 blocks, 1 used, 3 free)",
                e.getMessage());
        PoolAllocator full = new PoolAllocator(List.of(small), List.of(Cidr.parse("10.100.0.0/18")));
        assertEquals(
                "every pool is exhausted and 1 new environment(s) need one each"
                        + " (small 10.100.0.0/18 /20: 4 blocks, 4 used, 0 free)",
                assertThrows(PoolExhaustedException.class, () -> full.allocate(1))
                        .getMessage());
    }

    @Test
    void usageCountsBlocksTouchedByAnythingTaken() {
        PoolAllocator allocator = new PoolAllocator(
                List.of(DEFAULT),
                List.of(Cidr.parse("10.64.0.0/20"), Cidr.parse("10.64.20.0/24"), Cidr.parse("10.0.0.0/16")));
        PoolUsage usage = allocator.usage().get(0);
        assertEquals(1024, usage.size());
        assertEquals(2, usage.used());
        assertEquals(1022, usage.free());
    }

    @Test
    void aThousandEnvironmentsNeverOverlapAndAlwaysGetTheSameBlocks() {
        List<Cidr> taken = List.of(Cidr.parse("10.0.0.0/16"), Cidr.parse("10.64.128.0/17"), Cidr.parse("10.70.5.0/24"));
        List<Cidr> first = new PoolAllocator(List.of(DEFAULT), taken).allocate(1000);
        List<Cidr> again = new PoolAllocator(List.of(DEFAULT), taken).allocate(1000);
        assertEquals(first, again);
        List<Cidr> all = new ArrayList<>(first);
        all.addAll(taken);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(all.get(i).overlaps(all.get(j)), all.get(i) + " overlaps " + all.get(j));
            }
        }
        assertTrue(first.stream().allMatch(DEFAULT.cidr()::contains));
    }

    @Test
    void allocatingInTwoStepsGivesWhatOneStepGives() {
        List<Cidr> once = new PoolAllocator(List.of(DEFAULT), List.of()).allocate(10);
        List<Cidr> taken = new ArrayList<>(new PoolAllocator(List.of(DEFAULT), List.of()).allocate(4));
        taken.addAll(new PoolAllocator(List.of(DEFAULT), taken).allocate(6));
        assertEquals(once, taken);
    }

    @Test
    void refusesAPrefixTheNetworkPlanCannotCarve() {
        assertEquals(
                "prefix /24 cannot be carved into the network plan; use a prefix from /16 to /23",
                assertThrows(IllegalArgumentException.class, () -> new Pool("p", Cidr.parse("10.0.0.0/8"), 24))
                        .getMessage());
    }
}
