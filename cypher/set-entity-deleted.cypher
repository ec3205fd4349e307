// set-entity-deleted: soft-deletes ($deleted = true, version required) or restores ($deleted = false) an
// entity; its relationships are hidden with it because every read skips deleted endpoints.
// params: $id, $version (or null for restore), $deleted, $now, $actor, $auditId
// returns: entity (node or null when unknown), current (false when stale or already in that state)
OPTIONAL MATCH (n:Entity {id: $id})
// Take the write lock before reading versions, so two concurrent writes from one version cannot both pass.
FOREACH (locked IN CASE WHEN n IS NULL THEN [] ELSE [n] END | SET locked.writeLock = true REMOVE locked.writeLock)
WITH n, n IS NOT NULL AND ($version IS NULL OR n.version = $version) AND n.deleted <> $deleted
  AND n.mergedInto IS NULL AS current
CALL (n, current) {
  WITH n WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(n)
  SET n.deleted = $deleted, n.version = n.version + 1, n.updatedAt = $now
  CREATE (a:AuditEntry {id: $auditId, at: $now, actor: $actor,
    action: CASE WHEN $deleted THEN 'deleteEntity' ELSE 'restoreEntity' END, targetId: n.id, relatedIds: [n.id]})
  CREATE (a)-[:BEFORE]->(before)
  CREATE (a)-[:AFTER]->(after:AuditSnapshot)
  SET after = properties(n)
}
RETURN n AS entity, current
