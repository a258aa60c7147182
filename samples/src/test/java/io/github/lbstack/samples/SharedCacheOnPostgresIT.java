package io.github.lbstack.samples;

/** {@link SharedCacheIT}'s tests, on PostgreSQL. */
@QuickstartOnPostgres
class SharedCacheOnPostgresIT extends SharedCacheIT {}
