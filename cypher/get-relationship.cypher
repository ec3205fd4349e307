// get-relationship: one relationship by its natural key, with the sources its evidence cites.
// params: $fromId, $type, $toId
// returns: relationship (map), sources
MATCH (a:Entity {id: $fromId})-[r]->(b:Entity {id: $toId})
WHERE type(r) = $type
RETURN
  // @include relationship-view
  AS relationship,
  COLLECT { UNWIND r.sourceIds AS sourceId MATCH (s:Source {id: sourceId}) RETURN s } AS sources
