package io.github.lbstack.samples;

/** {@link SharedDatabaseIT}'s tests, on PostgreSQL. */
@QuickstartOnPostgres
class SharedDatabaseOnPostgresIT extends SharedDatabaseIT {}
