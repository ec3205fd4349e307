// create-relationship: creates a relationship with its evidence (and any new sources it cites) plus its
// audit entry. Nothing is written when an end is unknown, a cited source is missing or it already exists.
// params: $fromId, $type, $toId, $relationship ({id, properties}), $evidence (list of
//         server/graph/records.ts evidenceRecord rows), $newSources (list of maps), $citedSourceIds, the
//         unfiltered filter parameters, $now, $actor, $auditId
// returns: fromFound, toFound, exists, missingSources, relationship (map or null), sources
// ---- concurrency (issue 12, item 4): lock both ends in id order (as merges do), THEN check they are live.
// Two creates of one relationship cannot both see it missing, and a create racing a merge of either end
// either lands before the merge (which then moves it) or sees the end merged away (NOT_FOUND).
OPTIONAL MATCH (a0:Entity {id: $fromId})
OPTIONAL MATCH (b0:Entity {id: $toId})
WITH a0, b0, [a0, b0] AS toLock
// @include write-lock
WITH CASE WHEN a0.deleted = false THEN a0 END AS a, CASE WHEN b0.deleted = false THEN b0 END AS b
// ---- end of the concurrency block
WITH a, b,
  a IS NOT NULL AND b IS NOT NULL AND EXISTS { (a)-[r]->(b) WHERE type(r) = $type } AS exists,
  [sid IN $citedSourceIds WHERE NOT sid IN [s IN $newSources | s.id] AND NOT EXISTS { MATCH (:Source {id: sid}) }] AS missingSources
WITH a, b, exists, missingSources, a IS NOT NULL AND b IS NOT NULL AND NOT exists AND size(missingSources) = 0 AS ok,
  a IS NOT NULL AND b IS NOT NULL AND EXISTS { (a)-[x]-(b) WHERE x.deleted = false } AS linkedBefore
CALL (a, b, ok) {
  WITH a, b WHERE ok
  FOREACH (source IN $newSources | MERGE (s:Source {id: source.id}) ON CREATE SET s += source)
  CREATE (a)-[r:$($type)]->(b)
  SET r =
  // @include empty-evidence
  SET r += $relationship, r.version = 1, r.deleted = false, r.notes = [], r.createdAt = $now, r.updatedAt = $now
  WITH a, b, r, $evidence AS fresh
  // @include evidence-text
  // @include append-evidence
  WITH r AS changed, null AS before, 'createRelationship' AS action, [r.id, a.id, b.id] AS relatedIds
  // @include audit-change
  SET after.type = $type
}
// Each end's list of ranked neighbours (if it is a hub) gains or moves the other end.
WITH a, b, exists, missingSources, ok,
  CASE WHEN ok THEN [{hub: a, other: b, was: linkedBefore}, {hub: b, other: a, was: linkedBefore}] ELSE [] END AS touched
// @include hub-refresh
// @include hub-refresh-done
OPTIONAL MATCH (a)-[r]->(b) WHERE ok AND type(r) = $type
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, exists, missingSources,
  CASE WHEN r IS NULL THEN null ELSE
  // @include relationship-view
  END AS relationship,
  COLLECT { UNWIND coalesce(r.sourceIds, []) AS sid MATCH (s:Source {id: sid}) RETURN s } AS sources
