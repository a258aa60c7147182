package io.github.lbstack.samples;

/** {@link SessionAcrossReplicasIT}'s tests, on PostgreSQL. */
@QuickstartOnPostgres
class SessionAcrossReplicasOnPostgresIT extends SessionAcrossReplicasIT {}
