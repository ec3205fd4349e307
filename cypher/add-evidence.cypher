// add-evidence: appends one evidence record to a relationship unless the same (source, quote, attribution)
// is already there, and recomputes the relationship's derived fields (certainty, event time, sources,
// disputed) in the same statement.
// params: $fromId, $type, $toId, $evidence (server/graph/records.ts evidenceRecord), $newSource (map or
//         null), the unfiltered filter parameters, $now, $actor, $auditId
// returns: relationship (map or null when unknown), sourceFound, added, sources
// ---- concurrency (issue 12, item 4): take the write lock, THEN check `deleted`, so evidence never lands on a
// relationship that a concurrent deleteRelationship has just deleted (and two writes cannot both pass).
OPTIONAL MATCH (a:Entity {id: $fromId})-[r0]->(b:Entity {id: $toId}) WHERE type(r0) = $type
WITH a, r0, b, [r0] AS toLock
// @include write-lock
WITH a, b, CASE WHEN r0.deleted = false THEN r0 END AS r
// ---- end of the concurrency block
WITH a, r, b,
  ($newSource IS NOT NULL AND $newSource.id = $evidence.sourceId) OR EXISTS { MATCH (:Source {id: $evidence.sourceId}) } AS sourceFound
WITH a, r, b, sourceFound, r IS NOT NULL AND sourceFound AND NOT $evidence.id IN r.evidenceIds AS added
CALL (r, added) {
  WITH r WHERE added
  FOREACH (source IN CASE WHEN $newSource IS NULL THEN [] ELSE [$newSource] END |
    MERGE (s:Source {id: source.id}) ON CREATE SET s += source)
  CREATE (before:AuditSnapshot)
  SET before = properties(r)
  SET r.version = r.version + 1, r.updatedAt = $now
  WITH r, before, [$evidence] AS fresh
  // @include evidence-text
  // @include append-evidence
  WITH r AS changed, before, 'addEvidence' AS action, [r.id, $fromId, $toId] AS relatedIds
  // @include audit-change
}
// The ends' ranked neighbour lists (hubs): the other end's rank key may have moved; being a neighbour did
// not change, so what it is now is what it was.
WITH a, r, b, sourceFound, added,
  CASE WHEN added THEN [
    {hub: a, other: b, was: b.deleted = false AND a <> b},
    {hub: b, other: a, was: a.deleted = false AND a <> b}] ELSE [] END AS touched
// @include hub-refresh
// @include hub-refresh-done
RETURN CASE WHEN r IS NULL THEN null ELSE
  // @include relationship-view
  END AS relationship,
  sourceFound, added,
  COLLECT { UNWIND coalesce(r.sourceIds, []) AS sid MATCH (s:Source {id: sid}) RETURN s } AS sources
