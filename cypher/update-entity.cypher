// update-entity: applies a patch when the caller's version is current (optimistic concurrency); records
// before/after snapshots in the audit trail. A stale version changes nothing.
// params: $id, $version, $patch (map of stored properties to set), $kind (new kind or null), $now, $actor, $auditId
// returns: entity (node or null when unknown), current (false when the version was stale)
OPTIONAL MATCH (n:Entity {id: $id})
WITH n, [n] AS toLock
// @include write-lock
WITH n, n IS NOT NULL AND n.version = $version AND n.deleted = false AS current
CALL (n, current) {
  WITH n WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(n)
  SET n += $patch, n.version = n.version + 1, n.updatedAt = $now
  FOREACH (_ IN CASE WHEN $kind IS NULL OR $kind = before.kind THEN [] ELSE [1] END |
    REMOVE n:$(before.kind)
    SET n:$($kind))
  WITH n AS changed, before, 'updateEntity' AS action, [n.id] AS relatedIds
  // @include audit-change
}
RETURN n AS entity, current
