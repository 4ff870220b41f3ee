package io.envforge.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A folder of entries, one file per key ({@code <dir>/<key[0..2]>/<key>}). An entry is a header line
 * {@code envforge-cache v2 <length> crc32c:<checksum>} followed by the value; a read checks both, so a truncated or
 * damaged entry counts as a miss and is deleted. A write goes to a temporary file in the same folder and is renamed
 * into place (atomic on one file system), so a concurrent reader sees the old entry, the new one, or none; two runs
 * writing one key write the same bytes. A hit sets the entry's modification time, and {@link #trim} deletes entries
 * least recently used first until the folder is back under 80 % of its bound; a process trims on its first write and after
 * each tenth of the bound it writes, so the folder stays within about 110 % of it. Thread-safe.
 */
public final class DiskCache {

    private static final String MAGIC = "envforge-cache v2 ";
    private static final DiskCache NONE = new DiskCache(null, 0);

    private final Path dir;
    private final long maxBytes;
    private final AtomicBoolean written = new AtomicBoolean();
    /** Bytes written since the last {@link #trim} (the bound at first, so the first write trims): past a tenth, a write trims. */
    private final AtomicLong sinceTrim;

    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    private DiskCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.sinceTrim = new AtomicLong(maxBytes);
    }

    /** A cache in {@code dir} (created on first write) that {@link #trim} keeps under {@code maxBytes}. */
    public static DiskCache at(Path dir, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        return new DiskCache(dir, maxBytes);
    }

    /** A cache that keeps nothing. */
    public static DiskCache none() {
        return NONE;
    }

    public boolean enabled() {
        return dir != null;
    }

    /** The value stored for {@code key} (hex), if an intact entry exists. */
    public Optional<byte[]> get(String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            misses.incrementAndGet();
            return Optional.empty();
        } catch (IOException e) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        Optional<byte[]> value = decode(bytes);
        if (value.isEmpty()) {
            misses.incrementAndGet();
            deleteQuietly(file);
            return value;
        }
        hits.incrementAndGet();
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // the entry was trimmed meanwhile: the value read is still right
        }
        return value;
    }

    /** Stores {@code value} under {@code key}; a failure to write only costs a later miss. */
    public void put(String key, byte[] value) {
        if (dir == null) {
            return;
        }
        Path file = file(key);
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), ".tmp-", "");
            Files.write(tmp, encode(value));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            written.set(true);
            if (sinceTrim.addAndGet(value.length) > maxBytes / 10) {
                trim();
            }
        } catch (IOException e) {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    /**
     * When this cache wrote anything and the folder holds more than its bound: deletes entries, least recently used
     * first, down to 80 % of it. Temporary files older than an hour (a run that died mid-write) go too.
     */
    public synchronized void trim() {
        if (dir == null || !written.get() || !Files.isDirectory(dir)) {
            return;
        }
        sinceTrim.set(0);
        record Entry(Path path, long size, long used) {}
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        long stale = System.currentTimeMillis() - 3_600_000;
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                if (p.getFileName().toString().startsWith(".tmp-")) {
                    if (a.lastModifiedTime().toMillis() < stale) {
                        deleteQuietly(p);
                    }
                    continue;
                }
                entries.add(new Entry(p, a.size(), a.lastModifiedTime().toMillis()));
                total += a.size();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a concurrent run renamed or evicted a file under the walk (Files.walk throws for a vanished entry):
            // trimming is best effort, the next write trims again
            return;
        }
        if (total <= maxBytes) {
            return;
        }
        entries.sort(Comparator.comparingLong(Entry::used)
                .thenComparing(e -> e.path().toString()));
        long target = maxBytes / 5 * 4;
        for (Entry e : entries) {
            if (total <= target) {
                break;
            }
            deleteQuietly(e.path());
            total -= e.size();
        }
    }

    Path file(String key) {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("cache key must be a hex SHA-256: " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }

    static byte[] encode(byte[] value) {
        byte[] header = (MAGIC + value.length + " crc32c:" + crc(value) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(header, header.length + value.length);
        System.arraycopy(value, 0, out, header.length, value.length);
        return out;
    }

    static Optional<byte[]> decode(byte[] bytes) {
        int newline = -1;
        for (int i = 0; i < Math.min(bytes.length, 128); i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return Optional.empty();
        }
        String header = new String(bytes, 0, newline, StandardCharsets.US_ASCII);
        String[] parts =
                header.startsWith(MAGIC) ? header.substring(MAGIC.length()).split(" ") : new String[0];
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,10}") || !parts[1].startsWith("crc32c:")) {
            return Optional.empty();
        }
        long length = Long.parseLong(parts[0]);
        if (bytes.length - newline - 1 != length) {
            return Optional.empty();
        }
        byte[] value = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
        return crc(value).equals(parts[1].substring("crc32c:".length())) ? Optional.of(value) : Optional.empty();
    }

    /**
     * The entry's checksum: CRC-32C, which only has to notice a torn or damaged write (the key, a SHA-256 of what the
     * value is made from, is what makes an entry the right one). SHA-256 here hashed every Helm output twice more per
     * run, and the JVM's SHA-256 has no intrinsic under C1 (docs/benchmark.md).
     */
    private static String crc(byte[] value) {
        CRC32C crc = new CRC32C();
        crc.update(value);
        return String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // another run deleted or replaced it: either way it is not read as it was
        }
    }
}
