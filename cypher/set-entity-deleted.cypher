// set-entity-deleted: soft-deletes ($deleted = true, version required) or restores ($deleted = false) an
// entity; its relationships are hidden with it because every read skips deleted endpoints.
// params: $id, $version (or null for restore), $deleted, $now, $actor, $auditId
// returns: entity (node or null when unknown), current (false when stale or already in that state)
OPTIONAL MATCH (n:Entity {id: $id})
WITH n, [n] AS toLock
// @include write-lock
WITH n, n IS NOT NULL AND ($version IS NULL OR n.version = $version) AND n.deleted <> $deleted
  AND n.mergedInto IS NULL AS current
CALL (n, current) {
  WITH n WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(n)
  SET n.deleted = $deleted, n.version = n.version + 1, n.updatedAt = $now
  WITH n AS changed, before, CASE WHEN $deleted THEN 'deleteEntity' ELSE 'restoreEntity' END AS action,
    [n.id] AS relatedIds
  // @include audit-change
}
RETURN n AS entity, current
