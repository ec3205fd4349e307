// audit-trail: audit entries, newest first, optionally for one entity, relationship or merge. Entries made
// by Cypher keep before/after as snapshot nodes; entries made by imports keep JSON text on the entry.
// params: $targetId (or null), $first
// returns: entry (node), before (map or null), after (map or null)
MATCH (a:AuditEntry)
WHERE $targetId IS NULL OR a.targetId = $targetId OR $targetId IN coalesce(a.relatedIds, [])
WITH a ORDER BY a.at DESC, a.id DESC LIMIT $first
RETURN a AS entry,
  COLLECT { MATCH (a)-[:BEFORE]->(s) RETURN properties(s) }[0] AS before,
  COLLECT { MATCH (a)-[:AFTER]->(s) RETURN properties(s) }[0] AS after
