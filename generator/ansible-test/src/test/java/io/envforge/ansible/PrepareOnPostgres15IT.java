package io.envforge.ansible;

/** {@link PrepareTest} on PostgreSQL 15 (Debian 12's postgresql-15). */
class PrepareOnPostgres15IT extends PrepareTest {

    PrepareOnPostgres15IT() {
        super(15);
    }
}
