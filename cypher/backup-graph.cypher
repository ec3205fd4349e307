// backup-graph: the whole graph in ONE statement, so one read transaction sees one consistent state.
// Rows are tagged by section; evidence, notes and properties stay JSON text (scripts/backup.ts parses them).
// Audit entries written by mutations keep before/after as snapshot nodes: they come back as maps.
// params: none
// returns: section ('source' | 'entity' | 'relationship' | 'audit'), item (map)
MATCH (s:Source)
RETURN 'source' AS section, properties(s) AS item
UNION ALL
MATCH (n:Entity)
RETURN 'entity' AS section, properties(n) AS item
UNION ALL
MATCH (a:Entity)-[r]->(b:Entity)
RETURN 'relationship' AS section, r {.*, type: type(r), from: a.id, to: b.id} AS item
UNION ALL
MATCH (e:AuditEntry)
RETURN 'audit' AS section, e {.*,
  beforeSnapshot: COLLECT { MATCH (e)-[:BEFORE]->(s) RETURN properties(s) }[0],
  afterSnapshot: COLLECT { MATCH (e)-[:AFTER]->(s) RETURN properties(s) }[0]} AS item
