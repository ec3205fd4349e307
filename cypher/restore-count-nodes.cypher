// restore-count-nodes: how many graph nodes the database holds; a restore only goes into an empty database.
// The replicas' own state (tokens, saved views, the generation, job locks, migration marks) does not count:
// a database a server has started on once is still empty of graph. Nor does a restore's marker.
// params: none
// returns: nodes
MATCH (n)
WHERE NOT (n:ApiToken OR n:SavedView OR n:GraphGeneration OR n:JobLock OR n:Migration OR n:RestoreInProgress)
RETURN count(n) AS nodes
