// expansion-preview: what expanding one entity would add, per relationship type and direction.
// params: $id, $excludeIds, and the filters of find-neighborhood ($kinds, $types, $minRank, $occurredFrom,
//         $occurredTo, $includeUndated, $publishedFrom, $publishedTo)
// returns: id, groups (list of {type, direction, count}), total (distinct neighbours),
//          kinds (list of {kind, count}: the distinct neighbours by kind, most first)
MATCH (a:Entity {id: $id}) WHERE a.deleted = false
CALL (a) {
  OPTIONAL MATCH (a)-[r]-(b:Entity)
  WHERE NOT b.id IN $excludeIds AND b.deleted = false AND ($kinds IS NULL OR b.kind IN $kinds) AND
  // @include relationship-passes
  WITH a, r, b WHERE r IS NOT NULL
  WITH type(r) AS type, CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END AS direction, collect(DISTINCT b) AS neighbours
  ORDER BY size(neighbours) DESC, type, direction
  RETURN collect({type: type, direction: direction, count: size(neighbours)}) AS groups,
         reduce(all = [], ns IN collect(neighbours) | all + ns) AS everyone
}
UNWIND (CASE WHEN size(everyone) = 0 THEN [null] ELSE everyone END) AS n
WITH DISTINCT a, groups, n
WITH a, groups, n.kind AS kind, count(n) AS neighbours
ORDER BY neighbours DESC, kind
// No neighbour at all leaves one row with a null kind: it counts nothing and lists nothing.
WITH a, groups, sum(neighbours) AS total,
     collect(CASE WHEN kind IS NULL THEN null ELSE {kind: kind, count: neighbours} END) AS kinds
RETURN a.id AS id, groups, total, kinds
