// list-entities: a page of entities ordered by id (keyset pagination: id > $after).
// params: $kinds (list or null), $includeDeleted, $after (id or null), $first (page size + 1 to detect a next page)
// returns: entities (list of nodes), totalCount
CALL () {
  MATCH (n:Entity)
  WHERE ($kinds IS NULL OR n.kind IN $kinds) AND ($includeDeleted OR n.deleted = false)
  RETURN count(n) AS totalCount
}
CALL () {
  MATCH (n:Entity)
  WHERE ($kinds IS NULL OR n.kind IN $kinds) AND ($includeDeleted OR n.deleted = false)
    AND ($after IS NULL OR n.id > $after)
  WITH n ORDER BY n.id LIMIT $first
  RETURN collect(n) AS entities
}
RETURN entities, totalCount
