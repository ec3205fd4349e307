// find-evidence: the evidence of the given relationships that passes the request's filter, with the
// sources it cites, for relationships a neighbourhood or paths answer brought without it (opening an
// edge, an export). Unknown ids are left out. Streamed as small records like find-neighborhood.
// params: $keys (list of {fromId, type, toId}), and the filter parameters (server/graph/inputs.ts)
// returns: one 'relationship' per relationship found (relationship-view), one 'source' per source cited
UNWIND $keys AS key
MATCH (a:Entity {id: key.fromId})
MATCH (b:Entity {id: key.toId})
// Both ends bound: found from the end with fewer relationships (see search-claims).
CALL (a, b, key) {
  MATCH (a)-[r]->(b)
  WHERE type(r) = key.type
  RETURN r
}
WITH collect(
  // @include relationship-view
  ) AS relationships
CALL (relationships) {
  UNWIND relationships AS r
  UNWIND r.summary.sourceIds AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s
  // @include source-view
  ) AS sources
}
CALL (relationships, sources) {
  UNWIND relationships AS r
  RETURN 'relationship' AS part, r AS item
  UNION ALL
  UNWIND sources AS s
  RETURN 'source' AS part, s AS item
}
RETURN part, item
