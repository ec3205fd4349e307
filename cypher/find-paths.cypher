// find-paths: shortest paths between two entities through live relationships that pass the filter.
// The hop bound in the pattern is the API's hard maximum (6); $maxLength narrows it.
// params: $fromId, $toId, $maxLength, $first, and the filters ($kinds for intermediate entities, $types,
//         $minRank, $occurredFrom, $occurredTo, $includeUndated, $publishedFrom, $publishedTo)
// returns: found (ids of the two ends that exist), paths (list of {nodes, relationships}), sources
OPTIONAL MATCH (a:Entity {id: $fromId}) WHERE a.deleted = false
OPTIONAL MATCH (b:Entity {id: $toId}) WHERE b.deleted = false
WITH a, b, [x IN [a, b] WHERE x IS NOT NULL | x.id] AS found
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = SHORTEST 10 (a) (()-[r]-(x:Entity)
    WHERE x.deleted = false AND ($kinds IS NULL OR x.kind IN $kinds OR x.id = $toId) AND
    // @include relationship-passes
    ){1,6} (b)
  WHERE length(p) <= $maxLength
  WITH p ORDER BY length(p) LIMIT $first
  RETURN collect({
    nodes: nodes(p),
    relationships: [r IN relationships(p) |
    // @include relationship-view
    ]
  }) AS paths
}
CALL (paths) {
  UNWIND paths AS p
  UNWIND p.relationships AS r
  UNWIND r.summary.sourceIds AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s) AS sources
}
RETURN found, paths, sources
