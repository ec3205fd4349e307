// update-relationship: applies a patch to a relationship when the caller's version is current.
// params: $fromId, $type, $toId, $version, $patch (map of stored properties), $now, $actor, $auditId
// returns: relationship (map or null when unknown), current, sources
OPTIONAL MATCH (a:Entity {id: $fromId})-[r]->(b:Entity {id: $toId}) WHERE type(r) = $type
// Take the write lock before reading versions, so two concurrent writes from one version cannot both pass.
FOREACH (locked IN CASE WHEN r IS NULL THEN [] ELSE [r] END | SET locked.writeLock = true REMOVE locked.writeLock)
WITH a, r, b, r IS NOT NULL AND r.version = $version AND r.deleted = false AS current
CALL (r, current) {
  WITH r WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(r)
  SET r += $patch, r.version = r.version + 1, r.updatedAt = $now
  CREATE (audit:AuditEntry {id: $auditId, at: $now, actor: $actor, action: 'updateRelationship', targetId: r.id,
    relatedIds: [r.id, $fromId, $toId]})
  CREATE (audit)-[:BEFORE]->(before)
  CREATE (audit)-[:AFTER]->(after:AuditSnapshot)
  SET after = properties(r)
}
RETURN CASE WHEN r IS NULL THEN null ELSE
  // @include relationship-view
  END AS relationship, current,
  COLLECT { UNWIND coalesce(r.sourceIds, []) AS sid MATCH (s:Source {id: sid}) RETURN s } AS sources
