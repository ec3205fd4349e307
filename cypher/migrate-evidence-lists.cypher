// migrate-evidence-lists: rebuilds the per-evidence lists of old relationships from their evidence, or,
// with no rows left, records that the migration is done.
// params: $rows (list of {elementId, evidence: list of server/graph/records.ts evidenceRecord rows}), $now
// returns: migrated
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.elementId
SET r +=
  // @include empty-evidence
WITH r, row.evidence AS fresh
// @include evidence-text
// @include append-evidence
RETURN count(*) AS migrated
