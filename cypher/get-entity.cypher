// get-entity: one entity by id, deleted or not (the caller decides what to show).
// params: $id
// returns: entity (node)
MATCH (n:Entity {id: $id})
RETURN n AS entity
