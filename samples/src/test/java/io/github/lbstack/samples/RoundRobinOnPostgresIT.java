package io.github.lbstack.samples;

/** {@link RoundRobinIT}'s tests, on PostgreSQL. */
@QuickstartOnPostgres
class RoundRobinOnPostgresIT extends RoundRobinIT {}
