// update-entity: applies a patch when the caller's version is current (optimistic concurrency); records
// before/after snapshots in the audit trail. A stale version changes nothing.
// params: $id, $version, $patch (map of stored properties to set), $kind (new kind or null), $now, $actor, $auditId
// returns: entity (node or null when unknown), current (false when the version was stale)
OPTIONAL MATCH (n:Entity {id: $id})
// Take the write lock before reading versions, so two concurrent writes from one version cannot both pass.
FOREACH (locked IN CASE WHEN n IS NULL THEN [] ELSE [n] END | SET locked.writeLock = true REMOVE locked.writeLock)
WITH n, n IS NOT NULL AND n.version = $version AND n.deleted = false AS current
CALL (n, current) {
  WITH n WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(n)
  SET n += $patch, n.version = n.version + 1, n.updatedAt = $now
  FOREACH (_ IN CASE WHEN $kind IS NULL OR $kind = before.kind THEN [] ELSE [1] END |
    REMOVE n:$(before.kind)
    SET n:$($kind))
  CREATE (a:AuditEntry {id: $auditId, at: $now, actor: $actor, action: 'updateEntity', targetId: n.id, relatedIds: [n.id]})
  CREATE (a)-[:BEFORE]->(before)
  CREATE (a)-[:AFTER]->(after:AuditSnapshot)
  SET after = properties(n)
}
RETURN n AS entity, current
