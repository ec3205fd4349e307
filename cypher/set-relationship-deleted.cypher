// set-relationship-deleted: soft-deletes ($deleted = true, version required) or restores a relationship.
// params: $fromId, $type, $toId, $version (or null for restore), $deleted, $now, $actor, $auditId
// returns: relationship (map or null when unknown), current, sources
OPTIONAL MATCH (a:Entity {id: $fromId})-[r]->(b:Entity {id: $toId}) WHERE type(r) = $type
WITH a, r, b, [r] AS toLock
// @include write-lock
WITH a, r, b, r IS NOT NULL AND ($version IS NULL OR r.version = $version) AND r.deleted <> $deleted AS current,
  EXISTS { (a)-[x]-(b) WHERE x.deleted = false } AS linkedBefore
CALL (r, current) {
  WITH r WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(r)
  SET r.deleted = $deleted, r.version = r.version + 1, r.updatedAt = $now
  WITH r AS changed, before, CASE WHEN $deleted THEN 'deleteRelationship' ELSE 'restoreRelationship' END AS action,
    [r.id, $fromId, $toId] AS relatedIds
  // @include audit-change
}
// The ends' ranked neighbour lists (hubs): the other end leaves or joins them.
WITH a, r, b, current,
  CASE WHEN current THEN [
    {hub: a, other: b, was: linkedBefore AND b.deleted = false AND a <> b},
    {hub: b, other: a, was: linkedBefore AND a.deleted = false AND a <> b}] ELSE [] END AS touched
// @include hub-refresh
// @include hub-refresh-done
RETURN CASE WHEN r IS NULL THEN null ELSE
  // @include relationship-view
  END AS relationship, current,
  COLLECT { UNWIND coalesce(r.sourceIds, []) AS sid MATCH (s:Source {id: sid}) RETURN s } AS sources
