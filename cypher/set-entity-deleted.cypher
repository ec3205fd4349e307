// set-entity-deleted: soft-deletes ($deleted = true, version required) or restores ($deleted = false) an
// entity; its relationships are hidden with it because every read skips deleted endpoints.
// params: $id, $version (or null for restore), $deleted, $now, $actor, $auditId
// returns: entity (node or null when unknown), current (false when stale or already in that state)
OPTIONAL MATCH (n:Entity {id: $id})
WITH n, [n] AS toLock
// @include write-lock
WITH n, n IS NOT NULL AND ($version IS NULL OR n.version = $version) AND n.deleted <> $deleted
  AND n.mergedInto IS NULL AS current
// Hubs linked to n by a live relationship: n leaves or joins their ranked neighbour lists. Read before the
// write, while n's `deleted` is the old one.
WITH n, current, CASE WHEN current THEN COLLECT {
  MATCH (n)-[x]-(h:Entity) WHERE h <> n AND x.deleted = false AND EXISTS { MATCH (:HubNeighbours {id: h.id}) }
  RETURN DISTINCT {hub: h, other: n, was: n.deleted = false}
} ELSE [] END AS touched
CALL (n, current) {
  WITH n WHERE current
  CREATE (before:AuditSnapshot)
  SET before = properties(n)
  SET n.deleted = $deleted, n.version = n.version + 1, n.updatedAt = $now
  WITH n AS changed, before, CASE WHEN $deleted THEN 'deleteEntity' ELSE 'restoreEntity' END AS action,
    [n.id] AS relatedIds
  // @include audit-change
}
// @include hub-refresh
// @include hub-refresh-done
RETURN n AS entity, current
