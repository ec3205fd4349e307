// update-relationship: applies a patch to a relationship when the caller's version is current.
// params: $fromId, $type, $toId, $version, $patch (map of stored properties), $now, $actor, $auditId
// returns: relationship (map or null when unknown), current, sources
OPTIONAL MATCH (a:Entity {id: $fromId})-[r]->(b:Entity {id: $toId}) WHERE type(r) = $type
WITH a, r, b, [r] AS toLock
// @include write-lock
WITH a, r, b, r IS NOT NULL AND r.version = $version AND r.deleted = false AS current
CALL (r, current) {
  WITH r WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(r)
  SET r += $patch, r.version = r.version + 1, r.updatedAt = $now
  WITH r AS changed, before, 'updateRelationship' AS action, [r.id, $fromId, $toId] AS relatedIds
  // @include audit-change
}
// The ends' ranked neighbour lists (hubs): the other end's rank key may have moved; being a neighbour did
// not change, so what it is now is what it was.
WITH a, r, b, current,
  CASE WHEN current THEN [
    {hub: a, other: b, was: b.deleted = false AND a <> b},
    {hub: b, other: a, was: a.deleted = false AND a <> b}] ELSE [] END AS touched
// @include hub-refresh
// @include hub-refresh-done
RETURN CASE WHEN r IS NULL THEN null ELSE
  // @include relationship-view
  END AS relationship, current,
  COLLECT { UNWIND coalesce(r.sourceIds, []) AS sid MATCH (s:Source {id: sid}) RETURN s } AS sources
