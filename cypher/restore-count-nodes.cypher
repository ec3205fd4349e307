// restore-count-nodes: how many nodes the database holds; a restore only goes into an empty database.
// params: none
// returns: nodes
MATCH (n)
RETURN count(n) AS nodes
