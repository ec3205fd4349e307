// export-relationships: every live relationship between live entities that passes the filter, one row each,
// with the sources its evidence cites, for the streaming whole-graph exports. Both ends must pass the kind
// filter, so no edge points at an entity the export left out.
// params: $kinds, $types, $minRank, $occurredFrom, $occurredTo, $includeUndated, $publishedFrom,
//         $publishedTo (filters; null = no filter)
// returns: relationship (map with fromId, toId, type), sources (list of source nodes)
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.deleted = false AND a.deleted = false AND b.deleted = false
  AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
  AND
  // @include relationship-passes
WITH
  // @include relationship-view
  AS relationship
CALL (relationship) {
  UNWIND relationship.summary.sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s) AS sources
}
RETURN relationship, sources
