// export-entities: every live entity, one row each, for the streaming whole-graph exports (no ORDER BY, so
// rows flow as they are read and a million entities never sit in memory at once).
// params: $kinds (list of kinds, or null for every kind)
// returns: entity (node)
MATCH (n:Entity)
WHERE n.deleted = false AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN n AS entity
