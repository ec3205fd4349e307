// restore-begin: the marker of a restore under way, written in the transaction that found the database
// empty; restore-finish removes it once every batch has committed (see restore-state).
// params: $now, $file
// returns: startedAt
MERGE (m:RestoreInProgress {id: 'restore'})
SET m.startedAt = $now, m.file = $file
RETURN m.startedAt AS startedAt
