// import-relationships: MERGE one relationship per (from, type, to); evidence is appended only when its id
// (a hash of source, quote and attribution) is new, so re-imports add nothing and a second source adds its own.
// params: $rows (list of {id, type, from, to, properties (JSON text), version, deleted, notes (JSON text),
//         evidence: list of server/graph/records.ts evidenceRecord rows}), $importId, $now
// returns: created, updated, unchanged, evidenceAdded
// Not `MERGE (a)-[r:$(row.type)]->(b)`: with a dynamic type the planner may check for an existing
// relationship with a scan of ALL relationships (it does when the plan is made on an empty graph), which
// makes a large import quadratic. The lookup below always expands from the two bound entities; the write
// lock on `a` (SET/REMOVE) keeps two concurrent imports from both creating the same relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
SET a.importLock = true
REMOVE a.importLock
WITH a, b, row, [p IN allShortestPaths((a)-[*1..1]->(b)) WHERE type(relationships(p)[0]) = row.type | relationships(p)[0]][0] AS found
CALL (a, b, row, found) {
  WITH a, b, row, found WHERE found IS NOT NULL
  RETURN found AS r
  UNION
  WITH a, b, row, found WHERE found IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  SET r =
  // @include empty-evidence
  SET
    r.id = row.id,
    r.createdIn = $importId,
    r.properties = row.properties,
    r.version = coalesce(row.version, 1),
    r.deleted = coalesce(row.deleted, false),
    r.notes = coalesce(row.notes, []),
    r.createdAt = $now,
    r.updatedAt = $now
  RETURN r
}
WITH r, r.createdIn = $importId AS created, [e IN row.evidence WHERE NOT e.id IN r.evidenceIds] AS fresh
SET r.version = CASE WHEN NOT created AND size(fresh) > 0 THEN r.version + 1 ELSE r.version END,
  r.updatedAt = CASE WHEN NOT created AND size(fresh) > 0 THEN $now ELSE r.updatedAt END
WITH r, created, fresh
// @include append-evidence
RETURN
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND size(fresh) > 0 THEN 1 ELSE 0 END) AS updated,
  sum(CASE WHEN NOT created AND size(fresh) = 0 THEN 1 ELSE 0 END) AS unchanged,
  sum(size(fresh)) AS evidenceAdded
