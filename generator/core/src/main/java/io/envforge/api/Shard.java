package io.envforge.api;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N slices of a selection ({@code -Dshard=K/N}, {@code --shard K/N}), for a fleet rendered by N CI runners;
 * {@link GenerateRequest#shard}. The selected names, sorted, are dealt round-robin: the i-th name (from 0) goes to
 * shard {@code i mod N + 1}. So the slices are disjoint, cover the selection, and differ in size by at most one
 * environment (a shard's time follows its count, and the slowest shard sets the fleet's time). When environments are
 * added, later names move to another shard; that costs nothing, because nothing depends on the shard: an
 * environment's files, its committed fingerprint and its render-cache key are the same whichever runner renders it. A
 * stable hash of the name would keep assignments but balances only on average (8 shards of 10,000: about ±3 % by
 * count, far worse for small fleets).
 *
 * @param index K, from 1
 * @param count N
 */
public record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new EnvforgeException(new Problem(
                    "-Dshard",
                    "",
                    index + "/" + count,
                    "a shard is K/N with 1 <= K <= N",
                    "for example -Dshard=1/8 (first of eight)"));
        }
    }

    /** The shard {@code kOverN} names ({@code 2/8}); empty when it is null or blank (no sharding). */
    public static Optional<Shard> parse(String kOverN) {
        if (kOverN == null || kOverN.isBlank()) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(kOverN.trim());
        if (!m.matches()) {
            throw new EnvforgeException(new Problem(
                    "-Dshard",
                    "",
                    kOverN.trim(),
                    "a shard is K/N (two whole numbers)",
                    "for example -Dshard=1/8 (first of eight)"));
        }
        return Optional.of(new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    /** This shard's names of {@code sorted}. */
    public List<String> of(List<String> sorted) {
        List<String> out = new ArrayList<>();
        for (int i = index - 1; i < sorted.size(); i += count) {
            out.add(sorted.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
