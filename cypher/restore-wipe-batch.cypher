// restore-wipe-batch: deletes up to $limit graph nodes (and their relationships) of a restore that failed or
// was interrupted, so the database is empty again; the replicas' own state and the marker stay. Called
// until it deletes nothing. Only ever run while the restore marker is there (server/graph/backup/restore.ts).
// params: $limit
// returns: deleted
MATCH (n)
WHERE NOT (n:ApiToken OR n:SavedView OR n:GraphGeneration OR n:JobLock OR n:Migration OR n:RestoreInProgress)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
