// find-paths: shortest paths between two entities through live relationships that pass the filter.
// The hop bound in the pattern is the API's hard maximum (6); $maxLength narrows it.
// $evidence ('NONE' | 'FACTS' | 'TEXT') says how much of the relationships' evidence comes back, as in
// find-neighborhood; with 'NONE' no sources are read.
// params: $fromId, $toId, $maxLength, $first, $evidence, and the filters ($kinds for intermediate entities, $types,
//         $minRank, $occurredFrom, $occurredTo, $includeUndated, $publishedFrom, $publishedTo)
// Streamed as many small records (part, item), like find-neighborhood.
// returns: part 'answer' (item: found = ids of the two ends that exist), one 'path' per path (item: index,
//          nodes, relationships), one 'source' per source cited by their evidence
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
    nodes: [n IN nodes(p) | n
    // @include entity-view
    ],
    relationships: [r IN relationships(p) | CASE WHEN $evidence = 'TEXT' THEN
    // @include relationship-view
    ELSE
    // @include relationship-facts-view
    END]
  }) AS paths
}
CALL (paths) {
  WITH paths WHERE $evidence <> 'NONE'
  UNWIND paths AS p
  UNWIND p.relationships AS r
  UNWIND r.summary.sourceIds AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  RETURN collect(s
  // @include source-view
  ) AS sources
}
CALL (found, paths, sources) {
  RETURN 'answer' AS part, {found: found} AS item
  UNION ALL
  UNWIND range(0, size(paths) - 1) AS index
  RETURN 'path' AS part, {index: index, nodes: paths[index].nodes, relationships:
    [r IN paths[index].relationships |
      CASE WHEN $evidence <> 'NONE' THEN r ELSE r {.*, facts: {occurredAt: r.facts.occurredAt}} END]} AS item
  UNION ALL
  UNWIND sources AS s
  RETURN 'source' AS part, s AS item
}
RETURN part, item
