// restore-state: whether a restore began and did not finish (its marker node is still there). While it is,
// the graph is partial: servers do not become ready on it, and the next restore wipes it and starts again.
// params: none
// returns: startedAt (null when no restore is under way), file
OPTIONAL MATCH (m:RestoreInProgress)
RETURN m.startedAt AS startedAt, m.file AS file
LIMIT 1
