// stats: counts over the live graph and the most connected entities.
// params: $top (how many top entities)
// returns: entities, relationships, evidence, sources, entitiesByKind, relationshipsByType,
//          relationshipsByCertainty, evidenceByCertainty (lists of {key, count}), topEntities (list of {entity, degree})
CALL () {
  MATCH (n:Entity) WHERE n.deleted = false
  WITH n.kind AS key, count(*) AS count ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS entitiesByKind, sum(count) AS entities
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity) WHERE r.deleted = false AND a.deleted = false AND b.deleted = false
  RETURN collect(r) AS live
}
CALL (live) {
  UNWIND live AS r
  WITH type(r) AS key, count(*) AS count ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS relationshipsByType
}
CALL (live) {
  UNWIND live AS r
  WITH CASE r.certaintyRank WHEN 3 THEN 'CONFIRMED' WHEN 2 THEN 'REPORTED' ELSE 'SPECULATIVE' END AS key, count(*) AS count
  ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS relationshipsByCertainty
}
CALL (live) {
  UNWIND live AS r
  UNWIND r.evRank AS rank
  WITH CASE rank WHEN 3 THEN 'CONFIRMED' WHEN 2 THEN 'REPORTED' ELSE 'SPECULATIVE' END AS key, count(*) AS count
  ORDER BY count DESC, key
  RETURN collect({key: key, count: count}) AS evidenceByCertainty, sum(count) AS evidence
}
CALL () {
  MATCH (s:Source) RETURN count(s) AS sources
}
CALL () {
  MATCH (n:Entity) WHERE n.deleted = false
  WITH n, COUNT { (n)-[r]-(m:Entity) WHERE r.deleted = false AND m.deleted = false } AS degree
  ORDER BY degree DESC, n.id LIMIT $top
  RETURN collect({entity: n, degree: degree}) AS topEntities
}
RETURN entities, size(live) AS relationships, evidence, sources, entitiesByKind, relationshipsByType,
  relationshipsByCertainty, evidenceByCertainty, topEntities
