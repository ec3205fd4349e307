// find-unmigrated-relationships: a batch of relationships stored before evidence had per-evidence lists
// (certainty, stance, event date and source per evidence), for server/graph/migrations.ts to complete.
// Nothing is returned once the migration marker exists, so a migrated database is not scanned again.
// params: $batch
// returns: elementId, evidence (JSON texts), occurredAt (the old relationship-level event time)
OPTIONAL MATCH (done:Migration {id: 'evidence-lists'})
WITH done WHERE done IS NULL
MATCH ()-[r]->()
WHERE r.evidence IS NOT NULL AND r.evRank IS NULL
RETURN elementId(r) AS elementId, r.evidence AS evidence, r.occurredAt AS occurredAt
LIMIT $batch
