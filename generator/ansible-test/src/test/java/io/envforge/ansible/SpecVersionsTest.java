package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preparation runs against every PostgreSQL version the spec allows: the {@code database.version} enum of the
 * bundled schemas equals {@link Postgres#VERSIONS}, and each of those has its {@code PrepareOnPostgres<major>IT}.
 * Allowing a version in the spec without a test of it fails here.
 */
class SpecVersionsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "environment.schema.json#/properties/spec/properties/database",
                "platform.schema.json#/properties/spec/properties/defaults/properties/database"
            })
    void everyDatabaseVersionTheSpecAllowsHasAPrepareTest(String location) throws IOException {
        String[] parts = location.split("#");
        JsonNode database;
        try (InputStream in = SpecVersionsTest.class.getResourceAsStream("/io/envforge/spec/" + parts[0])) {
            database = new ObjectMapper().readTree(in).at(parts[1]);
        }
        assertEquals(List.of("postgres"), texts(database.at("/properties/engine/enum")), location);
        List<Integer> versions = texts(database.at("/properties/version/enum")).stream()
                .map(Integer::valueOf)
                .toList();
        assertEquals(Postgres.VERSIONS, versions, location);
        for (int major : versions) {
            String name = "io.envforge.ansible.PrepareOnPostgres" + major + "IT";
            Class<?> test = load(name);
            assertTrue(PrepareTest.class.isAssignableFrom(test), name + " does not extend PrepareTest");
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the spec allows a PostgreSQL version with no " + name, e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
