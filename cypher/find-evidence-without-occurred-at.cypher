// find-evidence-without-occurred-at: a batch of relationships, and of the relationship snapshots a merge
// keeps for its undo (RelSnapshot, restored as they are), stored before evidence kept its event date as
// worded in a list beside the JSON (evOccurredAt), for server/graph/migrations.ts to complete. Nothing is
// returned once the migration marker exists, so a migrated database is not scanned again.
// params: $batch
// returns: elementId, snapshot (true for a RelSnapshot node), evidence (JSON texts)
OPTIONAL MATCH (done:Migration {id: 'evidence-occurred-at'})
WITH done WHERE done IS NULL
CALL () {
  MATCH ()-[r]->()
  WHERE r.evidence IS NOT NULL AND r.evOccurredAt IS NULL
  RETURN elementId(r) AS elementId, false AS snapshot, r.evidence AS evidence
  UNION ALL
  MATCH (s:RelSnapshot)
  WHERE s.evidence IS NOT NULL AND s.evOccurredAt IS NULL
  RETURN elementId(s) AS elementId, true AS snapshot, s.evidence AS evidence
}
RETURN elementId, snapshot, evidence
LIMIT $batch
