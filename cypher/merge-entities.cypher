// merge-entities: merges $mergeId into $keepId in one statement. Every relationship of the merged entity
// moves to the kept one (joining an existing relationship of the same type and direction: evidence is
// combined, not duplicated); relationships between the two are dropped; the merged entity's names become
// aliases and it is soft-deleted with mergedInto set. Snapshots of everything touched are kept on a
// MergeRecord so unmerge-entities can restore the graph exactly; the audit entry keeps the kept entity
// before (the same snapshot) and after.
// params: $keepId, $mergeId, $mergeRecordId, $now, $actor, $auditId
// returns: keepFound, mergeFound, entity (kept node or null), moved (relationships moved)
OPTIONAL MATCH (k0:Entity {id: $keepId})
OPTIONAL MATCH (m0:Entity {id: $mergeId})
// Lock both entities in a fixed order (by id) before reading anything else of them, so concurrent merges of
// either ("b into a" ‖ "b into c", "a into b" ‖ "b into a") run one after the other without deadlocking;
// then check that both are still live: a merge that waited sees what the first one did.
WITH k0, m0, [k0, m0] AS toLock
// @include write-lock
WITH CASE WHEN k0.deleted = false THEN k0 END AS k, CASE WHEN m0.deleted = false THEN m0 END AS m
WITH k, m, k IS NOT NULL AND m IS NOT NULL AND k <> m AS ok
// Hubs (entities with a ranked neighbour list) linked to the merged entity: m leaves their lists and k joins
// or moves; read before the write. k's and m's own lists are ranked afresh after it.
WITH k, m, ok, CASE WHEN ok THEN COLLECT {
  MATCH (m)--(x:Entity) WHERE x <> k AND x <> m AND EXISTS { MATCH (:HubNeighbours {id: x.id}) } RETURN DISTINCT x
} ELSE [] END AS linkedHubs
WITH k, m, ok,
  [x IN linkedHubs | {hub: x, other: m, was: EXISTS { (x)-[y]-(m) WHERE y.deleted = false }}] +
  [x IN linkedHubs | {hub: x, other: k, was: EXISTS { (x)-[y]-(k) WHERE y.deleted = false }}] AS touched
CALL (k, m, ok) {
  WITH k, m WHERE ok
  CREATE (rec:MergeRecord {id: $mergeRecordId, keepId: k.id, mergeId: m.id, at: $now, actor: $actor})
  CREATE (rec)-[:KEEP_BEFORE]->(keepBefore:AuditSnapshot)
  SET keepBefore = properties(k)
  CREATE (rec)-[:MERGED_BEFORE]->(mergedBefore:AuditSnapshot)
  SET mergedBefore = properties(m)
  WITH k, m, rec
  CALL (m, rec) {
    MATCH (m)-[r]-(:Entity)
    WITH DISTINCT r, rec
    CREATE (rec)-[:MERGED_REL]->(s:RelSnapshot)
    SET s = properties(r), s._type = type(r), s._from = startNode(r).id, s._to = endNode(r).id
  }
  CALL (k, m, rec) {
    MATCH (m)-[r]-(x:Entity) WHERE x <> k
    MATCH (k)-[kr]-(x) WHERE type(kr) = type(r) AND (startNode(kr) = k) = (startNode(r) = m)
    WITH DISTINCT kr, rec
    CREATE (rec)-[:KEEP_REL]->(s:RelSnapshot)
    SET s = properties(kr), s._type = type(kr), s._from = startNode(kr).id, s._to = endNode(kr).id
  }
  CALL (k, m, rec) {
    // Each relationship keeps its direction: the merged entity's end is replaced by the kept one.
    MATCH (m)-[r]-(x:Entity) WHERE x <> k
    WITH DISTINCT r, k, m, rec
    WITH r, rec, CASE WHEN startNode(r) = m THEN k ELSE startNode(r) END AS from,
      CASE WHEN endNode(r) = m THEN k ELSE endNode(r) END AS to
    MERGE (from)-[nr:$(type(r))]->(to)
    ON CREATE SET nr = properties(r), nr.id = from.id + ':' + type(r) + ':' + to.id, nr.createdByMerge = rec.id
    SET nr.version = CASE WHEN nr.createdByMerge = rec.id THEN nr.version ELSE nr.version + 1 END,
      nr.updatedAt = $now
    WITH r AS moved, nr AS r
    // @include moved-evidence
    DELETE moved
  }
  CALL (k, m) {
    MATCH (m)-[r]-(k)
    DELETE r
  }
  WITH k, m, rec, k AS aliased,
    [a IN [m.name, m.nameKo] + m.aliases WHERE a IS NOT NULL AND NOT a IN k.aliases AND a <> k.name AND a <> coalesce(k.nameKo, '')] AS gainedAliases
  // @include gain-aliases
  SET k.version = k.version + 1,
    k.updatedAt = $now,
    m.deleted = true,
    m.mergedInto = k.id,
    m.version = m.version + 1,
    m.updatedAt = $now,
    rec.moved = COUNT { (rec)-[:MERGED_REL]->() }
  SET rec.keepVersionAfter = k.version
  WITH k, m, rec, 'mergeEntities' AS action, rec.id AS targetId, [k.id, m.id] AS relatedIds
  // @include audit-entry
  CREATE (audit)-[:AFTER]->(after:AuditSnapshot)
  SET after = properties(k)
  WITH rec, audit
  MATCH (rec)-[:KEEP_BEFORE]->(keepBefore:AuditSnapshot)
  CREATE (audit)-[:BEFORE]->(keepBefore)
}
WITH k, m, ok, touched, CASE WHEN ok THEN [k, m] ELSE [] END AS hubs
// @include hub-rerank
// @include hub-refresh
// @include hub-refresh-done
RETURN k IS NOT NULL AS keepFound, m IS NOT NULL AS mergeFound, CASE WHEN ok THEN k ELSE null END AS entity,
  CASE WHEN ok THEN COUNT { MATCH (rec:MergeRecord {id: $mergeRecordId})-[:MERGED_REL]->() } ELSE 0 END AS moved
