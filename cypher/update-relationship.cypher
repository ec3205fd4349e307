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
RETURN CASE WHEN r IS NULL THEN null ELSE
  // @include relationship-view
  END AS relationship, current,
  COLLECT { UNWIND coalesce(r.sourceIds, []) AS sid MATCH (s:Source {id: sid}) RETURN s } AS sources
