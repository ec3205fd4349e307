// schema: constraints and indexes, applied at every start. Every statement is idempotent (IF NOT EXISTS).
// Entities: identity is the readable slug `id` (elementId() is not an identity across databases).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (m:MergeRecord) REQUIRE m.id IS UNIQUE;
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX entity_occurred IF NOT EXISTS FOR (n:Entity) ON (n.occurredFrom);
CREATE INDEX audit_target IF NOT EXISTS FOR (a:AuditEntry) ON (a.targetId);
CREATE INDEX audit_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
// Full-text search over both languages; `cjk` splits Korean into bigrams so "메타가" still finds "메타".
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameKo, n.aliasText, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };

CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE INDEX proposal_created IF NOT EXISTS FOR (p:Proposal) ON (p.createdAt);
// Claims and quotes: one EvidenceText node per (relationship, evidence), written by append-evidence, so the
// words of a quote or its translation find the relationship it supports (a relationship index would have
// to name every relationship type, and types are open).
CREATE CONSTRAINT evidence_text_key IF NOT EXISTS FOR (t:EvidenceText) REQUIRE t.key IS UNIQUE;
CREATE FULLTEXT INDEX evidence_search IF NOT EXISTS FOR (t:EvidenceText) ON EACH [t.quote, t.translation]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
