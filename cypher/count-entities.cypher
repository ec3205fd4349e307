// count-entities: how many entities the database holds (seed loading runs only when this is 0).
// params: none
// returns: entities, relationships
MATCH (n:Entity)
WITH count(n) AS entities
OPTIONAL MATCH (:Entity)-[r]->(:Entity)
RETURN entities, count(r) AS relationships
