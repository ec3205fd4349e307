// find-entity-ids: which of the given ids exist (import checks references to entities already stored).
// params: $ids (list of entity ids)
// returns: id (each id that exists)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id
