package io.envforge.pipeline.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One apply (or destroy) per environment at a time on this runner: an exclusive lock on
 * {@code <work>/locks/<env>.lock}, held until closed; released by the OS if the process dies. Across runners the
 * state backend's own lock (S3 lock file, Azure blob lease) serialises Terraform, and the CI's concurrency group
 * serialises the pipeline runs themselves.
 */
final class EnvLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private EnvLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@code timeout} for the lock; empty when another run holds it that long. */
    static java.util.Optional<EnvLock> acquire(Path locks, String env, Duration timeout) throws IOException {
        Files.createDirectories(locks);
        FileChannel channel =
                FileChannel.open(locks.resolve(env + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return java.util.Optional.of(new EnvLock(channel, lock));
                }
            } catch (OverlappingFileLockException e) {
                // held by another thread of this JVM: wait as for another process
            }
            if (System.nanoTime() > deadline) {
                channel.close();
                return java.util.Optional.empty();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                return java.util.Optional.empty();
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
