package io.envforge.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.Deflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * The blobs of one commit, hashed and deflated by as many threads as there are processors: a 1,000-environment commit
 * (32,500 new files, 107 MB) spent 3.2 s of one core hashing (SHA-1 with collision detection) and deflating while the
 * other core idled; on two cores it now takes 1.7 s. Slice {@code i} of {@code K} takes every {@code K}-th path (neighbouring files are alike in size,
 * so the slices are even) on its own thread with its own {@link PackInserter} (JGit's inserters are not thread-safe),
 * and flushes its own pack as soon as it is done, while the calling thread edits the index and writes the trees and
 * the commit into a pack of their own. One slice (fewer than {@code 2 * PACK_THRESHOLD} paths, one processor, or an
 * object database that is not a folder) writes blobs, trees and the commit with one inserter on the calling thread.
 *
 * <p>Several packs flushed at once into one object directory are safe in JGit 7.4 as long as their names differ
 * (org.eclipse.jgit 7.4.0.202509020913-r, {@code internal/storage/file}: {@code PackInserter.beginPack} writes to a
 * {@code File.createTempFile} in the objects folder; {@code flush} renames it and its index to {@code pack-<SHA-1 of
 * the sorted object ids>} and calls {@code ObjectDirectory.openPack}, whose {@code PackDirectory.insert} adds it to
 * the pack list with a compare-and-set loop on an {@code AtomicReference}; {@code hasPackedObject}, used by
 * {@code insert}, only reads that list). Two slices whose new objects are the same set would get the same name, and
 * the two renames of pack and index could interleave, so a slice whose blobs are all in an earlier slice or already in
 * the repository is dropped instead of flushed (see {@link #decide}). The tree pack holds no blob, so its name differs
 * from every slice's.
 */
final class BlobSlices implements AutoCloseable {

    /** From this many written files on, the blobs are written as packs, one per slice of at least this many. */
    static final int PACK_THRESHOLD = 200;

    /**
     * What {@link Step} found for one path: its blob, the file's attributes, whether HEAD's tree and the index already
     * hold it, and whether the blob was given to the slice's inserter.
     */
    record Staged(
            String path,
            ObjectId blob,
            BasicFileAttributes attributes,
            boolean inTree,
            boolean inIndex,
            boolean inserted) {}

    /** Decides one path; writes its blob with {@code blobs} when needed; null when the file is as indexed. */
    @FunctionalInterface
    interface Step {
        Staged stage(String path, ObjectInserter blobs, ObjectInserter.Formatter ids) throws IOException;
    }

    private final Repository repo;
    private final List<ObjectInserter> slices = new ArrayList<>();
    private final ObjectInserter trees;
    private final ExecutorService pool;
    private final List<CompletableFuture<?>> started = new ArrayList<>();
    private final List<CompletableFuture<?>> flushes = new ArrayList<>();
    /** The blobs of the slices flushed so far; guarded by this. */
    private final Set<ObjectId> flushed = new HashSet<>();
    /** The blob of each path packed {@link #ahead}, by path. */
    private final Map<String, ObjectId> packedAhead = new ConcurrentHashMap<>();
    /** Per slice, the blobs it packed ahead; null when nothing was packed ahead. */
    private List<CompletableFuture<Set<ObjectId>>> ahead;

    private volatile boolean stopped;

    private BlobSlices(Repository repo, int paths, int processors) {
        this.repo = repo;
        int count = repo.getObjectDatabase() instanceof ObjectDirectory
                ? Math.max(1, Math.min(processors, paths / PACK_THRESHOLD))
                : 1;
        for (int i = 0; i < count; i++) {
            slices.add(inserter(repo, paths, Deflater.BEST_SPEED));
        }
        trees = count == 1 ? slices.get(0) : inserter(repo, paths, Deflater.NO_COMPRESSION);
        pool = count == 1
                ? null
                : Executors.newFixedThreadPool(count, task -> {
                    Thread thread = new Thread(task, "envforge-commit");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Slices for a commit of {@code paths} files on at most {@code processors} threads. */
    static BlobSlices open(Repository repo, int paths, int processors) {
        return new BlobSlices(repo, paths, processors);
    }

    /** How many slices (threads, blob packs) this commit uses. */
    int count() {
        return slices.size();
    }

    /** The inserter for the trees and the commit, used on the calling thread after {@link #stage}. */
    ObjectInserter trees() {
        return trees;
    }

    /**
     * Starts packing the blobs of {@code paths} with {@code bytes} (the content each is about to be written with) on
     * the slices' threads, and returns at once: the work tree is written meanwhile, and the commit ({@link #stage})
     * takes a blob from here instead of reading and hashing the file when the file is still what was written (see
     * {@link #packedAhead}). Slice {@code i} packs every {@code count()}-th path and then stages its share of the
     * commit's paths, so its inserter is never used by two threads. Does nothing for one slice (a small commit). At
     * most once, before {@link #stage}.
     */
    void ahead(List<String> paths, Function<String, byte[]> bytes) {
        if (pool == null || ahead != null) {
            return;
        }
        ahead = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            int slice = i;
            CompletableFuture<Set<ObjectId>> packed = CompletableFuture.supplyAsync(
                    () -> {
                        ObjectInserter blobs = slices.get(slice);
                        Set<ObjectId> inserted = new HashSet<>();
                        try {
                            for (int at = slice; at < paths.size() && !stopped; at += count()) {
                                ObjectId blob = blobs.insert(Constants.OBJ_BLOB, bytes.apply(paths.get(at)));
                                packedAhead.put(paths.get(at), blob);
                                inserted.add(blob);
                            }
                        } catch (IOException e) {
                            stopped = true;
                            throw new UncheckedIOException(e);
                        } catch (RuntimeException | Error e) {
                            stopped = true;
                            throw e;
                        }
                        return inserted;
                    },
                    pool);
            ahead.add(packed);
            started.add(packed);
        }
    }

    /** Tests: waits for the packing {@link #ahead}; false when nothing was packed ahead. */
    boolean awaitAhead() throws IOException {
        if (ahead == null) {
            return false;
        }
        await(new ArrayList<>(ahead));
        return true;
    }

    /**
     * The blob packed {@link #ahead} for {@code path}, once that slice is done: the blob of the bytes the file was to
     * be written with. Only for a file still as it was written; the caller checks that.
     */
    Optional<ObjectId> packedAhead(String path) {
        return Optional.ofNullable(packedAhead.get(path));
    }

    /**
     * Runs {@code step} on every path, spread over the slices, and returns the results in the order of
     * {@code paths}; each slice's pack is flushed (or dropped, see {@link #decide}) in the background once the slice is
     * done.
     */
    Staged[] stage(List<String> paths, Step step) throws IOException {
        Staged[] out = new Staged[paths.size()];
        if (pool == null) {
            slice(0, paths, step, out);
            return out;
        }
        List<CompletableFuture<?>> staged = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            int slice = i;
            // a slice stages after its share of the blobs packed ahead (if any): every packed-ahead blob is known
            // before any slice looks one up, and each inserter stays on one thread at a time
            CompletableFuture<Set<ObjectId>> before = ahead == null
                    ? CompletableFuture.completedFuture(Set.of())
                    : CompletableFuture.allOf(ahead.toArray(CompletableFuture[]::new))
                            .thenCompose(done -> ahead.get(slice));
            CompletableFuture<Set<ObjectId>> blobs = before.thenApplyAsync(
                    packed -> {
                        try {
                            Set<ObjectId> inserted = slice(slice, paths, step, out);
                            inserted.addAll(packed);
                            return inserted;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    pool);
            CompletableFuture<Void> flushed = blobs.thenAcceptAsync(
                    inserted -> {
                        try {
                            if (!stopped && decide(inserted)) { // after a failure, nothing is flushed
                                slices.get(slice).flush();
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    pool);
            staged.add(blobs);
            flushes.add(flushed);
            started.addAll(List.of(blobs, flushed));
        }
        await(staged);
        return out;
    }

    /** Stages every {@code count()}-th path from {@code slice} on; returns the blobs given to the slice's inserter. */
    private Set<ObjectId> slice(int slice, List<String> paths, Step step, Staged[] out) throws IOException {
        ObjectInserter blobs = slices.get(slice);
        ObjectInserter.Formatter ids = new ObjectInserter.Formatter();
        Set<ObjectId> inserted = new HashSet<>();
        try {
            for (int at = slice; at < out.length && !stopped; at += count()) {
                out[at] = step.stage(paths.get(at), blobs, ids);
                if (out[at] != null && out[at].inserted()) {
                    inserted.add(out[at].blob());
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            stopped = true; // the other slices stop at their next path
            throw e;
        }
        return inserted;
    }

    /**
     * Whether a slice that has just finished is flushed: when one of its blobs is neither in a slice flushed before it
     * nor in the repository (slices are decided one at a time, in the order they finish). That blob is in this pack
     * and in no other, so the pack's name is its own. A slice without such a blob holds nothing new (a blob already
     * packed when the slice met it was not written again), and its temporary pack is deleted when it is closed.
     */
    private synchronized boolean decide(Set<ObjectId> blobs) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            for (ObjectId blob : blobs) {
                if (!flushed.contains(blob) && !reader.has(blob)) {
                    flushed.addAll(blobs);
                    return true;
                }
            }
            return false;
        }
    }

    /** Flushes the trees' pack and waits for every slice's: after this, all of the commit's objects are readable. */
    void flush() throws IOException {
        trees.flush();
        await(flushes);
    }

    /** Waits for all of {@code tasks} (without being interruptible), then throws the first failure. */
    private static void await(List<CompletableFuture<?>> tasks) throws IOException {
        Throwable failure = null;
        for (CompletableFuture<?> task : tasks) {
            try {
                task.join();
            } catch (CompletionException | CancellationException e) {
                failure = failure == null ? e : failure;
            }
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof UncheckedIOException e) {
            throw e.getCause();
        } else if (cause instanceof RuntimeException e) {
            throw e;
        } else if (cause instanceof Error e) {
            throw e;
        } else if (cause != null) {
            throw new IOException(cause);
        }
    }

    /**
     * Stops the slices at their next path, waits until no thread uses an inserter, and closes them all (an unflushed
     * pack's temporary files are deleted).
     */
    @Override
    public void close() {
        if (pool != null) {
            stopped = true;
            try {
                await(started);
            } catch (IOException | RuntimeException | Error e) {
                // already thrown by stage or flush, or the commit failed before them
            }
            pool.shutdown();
            trees.close();
        }
        slices.forEach(ObjectInserter::close);
    }

    /**
     * Many blobs go into packs: writing 20,000 loose objects (a temporary file and a rename each) took most of a
     * 1,000-environment commit. Deflating them then took most of the rest, so the blob packs are compressed for speed
     * (the objects, hence the commit, are the same). A pack of trees alone is stored uncompressed: its 11,000 small
     * objects (one for each folder of 1,000 environments, mostly SHA-1s) took 0.21 s to write at the fastest level and
     * 0.08 s stored, and the pack grew from 1.6 to 1.9 MB. Small commits stay loose objects, so repeated runs do not
     * pile up packs.
     */
    private static ObjectInserter inserter(Repository repo, int objects, int level) {
        if (objects >= PACK_THRESHOLD && repo.getObjectDatabase() instanceof ObjectDirectory folder) {
            PackInserter pack = folder.newPackInserter();
            pack.setCompressionLevel(level);
            return pack;
        }
        return repo.newObjectInserter();
    }
}
