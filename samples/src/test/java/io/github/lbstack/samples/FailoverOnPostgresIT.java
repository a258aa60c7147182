package io.github.lbstack.samples;

/** {@link FailoverIT}'s tests, on PostgreSQL. */
@QuickstartOnPostgres
class FailoverOnPostgresIT extends FailoverIT {}
