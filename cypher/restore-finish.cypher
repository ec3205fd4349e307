// restore-finish: the last transaction of a restore: every batch is in, the graph is whole.
// params: none
// returns: finished
MATCH (m:RestoreInProgress)
DELETE m
RETURN count(*) AS finished
