// schema: constraints and indexes, applied at every start. Every statement is idempotent (IF NOT EXISTS).
// Entities: identity is the readable slug `id` (elementId() is not an identity across databases).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (m:MergeRecord) REQUIRE m.id IS UNIQUE;
// Hubs' ranked first hop (cypher/fragments/hub-rank), one node per hub keyed by the hub's id.
CREATE CONSTRAINT hub_neighbours_id IF NOT EXISTS FOR (l:HubNeighbours) REQUIRE l.id IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_occurred IF NOT EXISTS FOR (n:Entity) ON (n.occurredFrom);
CREATE INDEX audit_target IF NOT EXISTS FOR (a:AuditEntry) ON (a.targetId);
CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
// Full-text search over both languages; `cjk` splits Korean into bigrams so "메타가" still finds "메타".
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameKo, n.aliasText, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };

CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE INDEX proposal_created IF NOT EXISTS FOR (p:Proposal) ON (p.createdAt);

// Shared state of the replicas (README "Running several servers"): the generation every write bumps,
// bearer tokens (hashes only) and saved views.
CREATE CONSTRAINT graph_generation_id IF NOT EXISTS FOR (g:GraphGeneration) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT api_token_sha256 IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.sha256 IS UNIQUE;
CREATE INDEX api_token_name IF NOT EXISTS FOR (t:ApiToken) ON (t.name);
CREATE CONSTRAINT saved_view_name IF NOT EXISTS FOR (v:SavedView) REQUIRE v.name IS UNIQUE;
// Claims and quotes: one EvidenceText node per (relationship, evidence), written by append-evidence, so the
// words of a quote or its translation find the relationship it supports (a relationship index would have
// to name every relationship type, and types are open).
CREATE CONSTRAINT evidence_text_key IF NOT EXISTS FOR (t:EvidenceText) REQUIRE t.key IS UNIQUE;
CREATE FULLTEXT INDEX evidence_search IF NOT EXISTS FOR (t:EvidenceText) ON EACH [t.quote, t.translation]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
