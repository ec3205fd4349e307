// find-relationships-without-evidence-text: a batch of relationships stored before the claim search, whose
// evidence has no EvidenceText yet, for server/graph/migrations.ts to index. Nothing is returned once the
// migration marker exists, so a migrated database is not scanned again.
// params: $batch
// returns: elementId, evidence (JSON texts)
OPTIONAL MATCH (done:Migration {id: 'evidence-text'})
WITH done WHERE done IS NULL
MATCH ()-[r]->()
WHERE size(r.evidenceIds) > 0 AND NOT EXISTS { MATCH (:EvidenceText {key: r.id + '|' + r.evidenceIds[0]}) }
RETURN elementId(r) AS elementId, r.evidence AS evidence
LIMIT $batch
