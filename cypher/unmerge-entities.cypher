// unmerge-entities: undoes a merge from its MergeRecord: removes the relationships the merge created,
// restores the kept entity's relationships that received evidence, recreates the merged entity's own
// relationships and restores both entities (versions still move forward). Refused (current = false) when
// the kept entity changed since the merge, or the merge was already undone. The audit entry keeps the kept
// entity as merged (before) and as restored (after).
// params: $mergeId, $now, $actor, $auditId
// returns: found, current, entities (list of nodes)
OPTIONAL MATCH (rec:MergeRecord {id: $mergeId})
OPTIONAL MATCH (k:Entity {id: rec.keepId})
OPTIONAL MATCH (m:Entity {id: rec.mergeId})
// Lock both entities (by id, the order every merge uses) and then the record before checking versions, so an
// undo cannot race an edit, a merge or a second undo.
WITH rec, k, m, [k, m] AS toLock
// @include write-lock
WITH rec, k, m, [rec] AS toLock
// @include write-lock
WITH rec, k, m, rec IS NOT NULL AS found,
  rec IS NOT NULL AND rec.undoneAt IS NULL AND k.version = rec.keepVersionAfter AND m.mergedInto = k.id AS current
// Hubs (entities with a ranked neighbour list) linked to the kept entity: m rejoins their lists and k moves
// or leaves; read before the write. k's and m's own lists are ranked afresh after it.
WITH rec, k, m, found, current, CASE WHEN current THEN COLLECT {
  MATCH (k)--(x:Entity) WHERE x <> k AND x <> m AND EXISTS { MATCH (:HubNeighbours {id: x.id}) } RETURN DISTINCT x
} ELSE [] END AS linkedHubs
WITH rec, k, m, found, current,
  [x IN linkedHubs | {hub: x, other: m, was: false}] +
  [x IN linkedHubs | {hub: x, other: k, was: EXISTS { (x)-[y]-(k) WHERE y.deleted = false }}] AS touched
CALL (rec, k, m, current) {
  WITH rec, k, m WHERE current
  CALL (k, rec) {
    MATCH (k)-[r]-(:Entity) WHERE r.createdByMerge = rec.id
    WITH DISTINCT r
    DELETE r
  }
  CALL (rec) {
    MATCH (rec)-[:KEEP_REL]->(s:RelSnapshot)
    MATCH (a:Entity {id: s._from})-[r]->(b:Entity {id: s._to}) WHERE type(r) = s._type
    WITH r, s, r.version AS version
    SET r = properties(s)
    REMOVE r._type, r._from, r._to
    SET r.version = version + 1, r.updatedAt = $now
  }
  CALL (rec) {
    MATCH (rec)-[:MERGED_REL]->(s:RelSnapshot)
    MATCH (a:Entity {id: s._from})
    MATCH (b:Entity {id: s._to})
    CREATE (a)-[r:$(s._type)]->(b)
    SET r = properties(s)
    REMOVE r._type, r._from, r._to
    SET r.updatedAt = $now
  }
  WITH rec, k, m, k.version AS keepVersion, m.version AS mergedVersion, properties(k) AS keepMerged
  MATCH (rec)-[:KEEP_BEFORE]->(keepBefore:AuditSnapshot)
  MATCH (rec)-[:MERGED_BEFORE]->(mergedBefore:AuditSnapshot)
  SET k = properties(keepBefore), m = properties(mergedBefore)
  SET k.version = keepVersion + 1, k.updatedAt = $now, m.version = mergedVersion + 1, m.updatedAt = $now,
    rec.undoneAt = $now
  WITH rec, k, m, keepMerged, 'unmergeEntities' AS action, rec.id AS targetId, [k.id, m.id] AS relatedIds
  // @include audit-entry
  CREATE (audit)-[:BEFORE]->(before:AuditSnapshot)
  SET before = keepMerged
  CREATE (audit)-[:AFTER]->(after:AuditSnapshot)
  SET after = properties(k)
}
WITH k, m, found, current, touched, CASE WHEN current THEN [k, m] ELSE [] END AS hubs
// @include hub-rerank
// @include hub-refresh
// @include hub-refresh-done
RETURN found, current, CASE WHEN current THEN [k, m] ELSE [] END AS entities
