-- Test stand-in for <APIM_HOME>/dbscripts/apimgt/postgresql.sql: a few AM_ tables, no IF NOT EXISTS,
-- so that loading it twice fails (the role must skip it once AM_API exists).
CREATE TABLE AM_SUBSCRIBER (
    SUBSCRIBER_ID SERIAL PRIMARY KEY,
    USER_ID VARCHAR(255) NOT NULL,
    TENANT_ID INTEGER NOT NULL
);
CREATE TABLE AM_API (
    API_ID SERIAL PRIMARY KEY,
    API_UUID VARCHAR(256) NOT NULL UNIQUE,
    API_NAME VARCHAR(256) NOT NULL,
    API_VERSION VARCHAR(30) NOT NULL
);
