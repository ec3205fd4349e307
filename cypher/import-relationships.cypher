// import-relationships: MERGE one relationship per (from, type, to); evidence is appended only when its id
// (a hash of source, quote and attribution) is new, so re-imports add nothing and a second source adds its own.
// params: $rows (list of {id, type, from, to, occurredAt, occurredFrom, occurredTo, properties (JSON text),
//         version, deleted, notes (JSON text), evidence: list of {id, json, rank, sourceId, publishedAt}}),
//         $importId, $now
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
  SET
    r.id = row.id,
    r.createdIn = $importId,
    r.occurredAt = row.occurredAt,
    r.occurredFrom = row.occurredFrom,
    r.occurredTo = row.occurredTo,
    r.properties = row.properties,
    r.evidence = [],
    r.evidenceIds = [],
    r.sourceIds = [],
    r.publishedDates = [],
    r.certaintyRank = 0,
    r.version = coalesce(row.version, 1),
    r.deleted = coalesce(row.deleted, false),
    r.notes = coalesce(row.notes, []),
    r.createdAt = $now,
    r.updatedAt = $now
  RETURN r
}
WITH r, row, r.createdIn = $importId AS created, [e IN row.evidence WHERE NOT e.id IN r.evidenceIds] AS fresh
WITH r, row, created, fresh,
  (NOT created AND r.occurredAt IS NULL AND row.occurredAt IS NOT NULL) AS fills
SET
  r.evidence = r.evidence + [e IN fresh | e.json],
  r.evidenceIds = r.evidenceIds + [e IN fresh | e.id],
  r.sourceIds = reduce(acc = r.sourceIds, e IN fresh | CASE WHEN e.sourceId IN acc THEN acc ELSE acc + e.sourceId END),
  r.publishedDates = reduce(acc = r.publishedDates, e IN fresh |
    CASE WHEN e.publishedAt IS NULL OR e.publishedAt IN acc THEN acc ELSE acc + e.publishedAt END),
  r.certaintyRank = reduce(best = r.certaintyRank, e IN fresh | CASE WHEN e.rank > best THEN e.rank ELSE best END),
  r.occurredFrom = CASE WHEN r.occurredAt IS NULL THEN row.occurredFrom ELSE r.occurredFrom END,
  r.occurredTo = CASE WHEN r.occurredAt IS NULL THEN row.occurredTo ELSE r.occurredTo END,
  r.occurredAt = coalesce(r.occurredAt, row.occurredAt),
  r.version = CASE WHEN NOT created AND (fills OR size(fresh) > 0) THEN r.version + 1 ELSE r.version END,
  r.updatedAt = CASE WHEN NOT created AND (fills OR size(fresh) > 0) THEN $now ELSE r.updatedAt END
RETURN
  sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN NOT created AND (fills OR size(fresh) > 0) THEN 1 ELSE 0 END) AS updated,
  sum(CASE WHEN NOT created AND NOT fills AND size(fresh) = 0 THEN 1 ELSE 0 END) AS unchanged,
  sum(CASE WHEN created THEN size(fresh) ELSE 0 END) + sum(CASE WHEN created THEN 0 ELSE size(fresh) END) AS evidenceAdded
