package io.envforge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.envforge.cache.DiskCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema set's digest (the validation cache's key) is kept by the schema files' paths, sizes and times: a run
 * whose schema folder is as before does not hash it again, and a file with another time is hashed again.
 */
class SchemaSetDigestTest {

    @TempDir
    Path temp;

    @Test
    void keptByTheFilesStampsAndHashedAgainWhenATimeChanges() throws Exception {
        Path schemas = temp.resolve("schemas");
        Path file = schemas.resolve("kubernetes/v1.32.0-standalone-strict/configmap-v1.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"type\": \"object\"}\n");
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(file, old);
        DiskCache cache = DiskCache.at(temp.resolve("cache"), 1 << 20);

        String plain = new SchemaRule(schemas).schemaSetDigest();
        assertEquals(plain, new SchemaRule(schemas).schemaSetDigest(cache), "the same digest, now kept");

        // same size and time: the kept digest, without reading the file
        Files.writeString(file, "{\"type\": \"string\"}\n");
        Files.setLastModifiedTime(file, old);
        assertEquals(plain, new SchemaRule(schemas).schemaSetDigest(cache));

        // another time: hashed again
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));
        String changed = new SchemaRule(schemas).schemaSetDigest(cache);
        assertNotEquals(plain, changed);
        assertEquals(new SchemaRule(schemas).schemaSetDigest(), changed);
    }
}
