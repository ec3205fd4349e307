// ingest-gazetteer: every live entity's names and the relationship types in use, for linking mentions in
// an article to the graph (the proposer caches it and drops the cache after every write).
// params: none
// returns: types (list of strings), entities (list of {id, kind, name, nameKo, aliases})
CALL db.relationshipTypes() YIELD relationshipType
WITH collect(relationshipType) AS types
OPTIONAL MATCH (n:Entity)
WHERE n.deleted = false
RETURN types, collect({id: n.id, kind: n.kind, name: n.name, nameKo: n.nameKo, aliases: n.aliases}) AS entities
