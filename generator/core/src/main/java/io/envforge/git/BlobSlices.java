package io.envforge.git;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * The blobs of one commit, hashed and deflated by as many threads as there are processors: a 1,000-environment commit
 * (33,500 files) spent 3.3 s on one core hashing (SHA-1 with collision detection) and deflating while the other core
 * idled. Each slice, an equal run of the paths on its own thread, has its own {@link PackInserter} (JGit's inserters
 * are not thread-safe) and writes its own pack. The trees and the commit go into the first slice's pack, written on
 * the calling thread after the slices are done.
 *
 * <p>Several packs flushed at once into one object directory are safe in JGit 7.4 as long as their names differ
 * (org.eclipse.jgit 7.4.0.202509020913-r, {@code internal/storage/file}: {@code PackInserter.beginPack} writes to a
 * {@code File.createTempFile} in the objects folder; {@code flush} renames it and its index to {@code pack-<SHA-1 of
 * the sorted object ids>} and calls {@code ObjectDirectory.openPack}, whose {@code PackDirectory.insert} adds it to
 * the pack list with a compare-and-set loop on an {@code AtomicReference}; {@code hasPackedObject}, used by
 * {@code insert}, only reads that list). Two slices whose new objects are the same set would get the same name, and
 * the two renames of pack and index could interleave, so a slice whose blobs are all in an earlier slice or already in
 * the repository is dropped instead of flushed (see {@link #flush}).
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
    private final List<ObjectInserter> inserters = new ArrayList<>();
    private final List<Set<ObjectId>> inserted = new ArrayList<>();
    private final ExecutorService pool;
    private volatile boolean stopped;

    private BlobSlices(Repository repo, int paths, int processors) {
        this.repo = repo;
        int slices = repo.getObjectDatabase() instanceof ObjectDirectory
                ? Math.max(1, Math.min(processors, paths / PACK_THRESHOLD))
                : 1;
        for (int i = 0; i < slices; i++) {
            inserters.add(inserter(repo, paths));
            inserted.add(new HashSet<>());
        }
        pool = slices == 1
                ? null
                : Executors.newFixedThreadPool(slices - 1, task -> {
                    Thread thread = new Thread(task, "envforge-commit");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Slices for a commit of {@code paths} files on at most {@code processors} threads. */
    static BlobSlices open(Repository repo, int paths, int processors) {
        return new BlobSlices(repo, paths, processors);
    }

    /** How many slices (threads, packs) this commit uses. */
    int count() {
        return inserters.size();
    }

    /** The first slice's inserter: trees and the commit go there, written on the calling thread. */
    ObjectInserter first() {
        return inserters.get(0);
    }

    /**
     * Runs {@code step} on every path, slice {@code i} on the {@code i}-th of {@link #count} equal runs of
     * {@code paths} (the same files make the same packs); the results in the order of {@code paths}.
     */
    Staged[] stage(List<String> paths, Step step) throws IOException {
        Staged[] out = new Staged[paths.size()];
        List<Callable<Void>> slices = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            int slice = i;
            int from = (int) ((long) out.length * i / count());
            int to = (int) ((long) out.length * (i + 1) / count());
            slices.add(() -> {
                ObjectInserter.Formatter ids = new ObjectInserter.Formatter();
                try {
                    for (int at = from; at < to && !stopped; at++) {
                        out[at] = step.stage(paths.get(at), inserters.get(slice), ids);
                        if (out[at] != null && out[at].inserted()) {
                            inserted.get(slice).add(out[at].blob());
                        }
                    }
                } catch (IOException | RuntimeException | Error e) {
                    stopped = true; // the other slices stop at their next path
                    throw e;
                }
                return null;
            });
        }
        runAll(slices);
        return out;
    }

    /**
     * Makes every slice's objects readable from the repository: the first slice's pack is flushed (it holds the trees
     * and the commit); a later slice's pack is flushed only when one of its blobs is neither in an earlier flushed
     * slice nor in the repository yet. Such a blob is in this pack and in no other, so the packs' names (the SHA-1 of
     * their object ids) differ and they are flushed at once. The other slices hold nothing new: their temporary packs
     * are deleted when closed.
     */
    void flush() throws IOException {
        List<Callable<Void>> flushes = new ArrayList<>();
        flushes.add(() -> {
            first().flush();
            return null;
        });
        Set<ObjectId> earlier = new HashSet<>(inserted.get(0));
        try (ObjectReader reader = repo.newObjectReader()) {
            for (int i = 1; i < count(); i++) {
                if (holdsNew(inserted.get(i), earlier, reader)) {
                    earlier.addAll(inserted.get(i));
                    ObjectInserter slice = inserters.get(i);
                    flushes.add(() -> {
                        slice.flush();
                        return null;
                    });
                }
            }
        }
        runAll(flushes);
    }

    private static boolean holdsNew(Set<ObjectId> blobs, Set<ObjectId> earlier, ObjectReader reader)
            throws IOException {
        for (ObjectId blob : blobs) {
            if (!earlier.contains(blob) && !reader.has(blob)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the first task on the calling thread and the others on the pool, and waits for all of them (an interrupted
     * caller stops the slices at their next path and still waits, so no thread writes into an inserter being closed);
     * the first failure is thrown.
     */
    private void runAll(List<Callable<Void>> tasks) throws IOException {
        List<Future<Void>> started = new ArrayList<>();
        for (Callable<Void> task : tasks.subList(1, tasks.size())) {
            started.add(pool.submit(task));
        }
        Throwable failure = null;
        try {
            tasks.get(0).call();
        } catch (Exception | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<Void> task : started) {
            while (true) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stopped = true;
                    continue;
                }
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the commit's blobs");
        }
        if (failure instanceof IOException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IOException(failure);
        }
    }

    /** Closes every inserter (an unflushed pack's temporary files are deleted) and stops the threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        inserters.forEach(ObjectInserter::close);
    }

    /**
     * Many blobs go into packs: writing 20,000 loose objects (a temporary file and a rename each) took most of a
     * 1,000-environment commit. Deflating them then took most of the rest, so the packs are compressed for speed (the
     * objects, hence the commit, are the same). Small commits stay loose objects, so repeated runs do not pile up
     * packs.
     */
    private static ObjectInserter inserter(Repository repo, int blobs) {
        if (blobs >= PACK_THRESHOLD && repo.getObjectDatabase() instanceof ObjectDirectory objects) {
            PackInserter pack = objects.newPackInserter();
            pack.setCompressionLevel(Deflater.BEST_SPEED);
            return pack;
        }
        return repo.newObjectInserter();
    }
}
