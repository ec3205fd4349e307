// read-generation: the graph generation as this database has it (0 and no epoch before the first write).
// params: none
// returns: value, epoch
OPTIONAL MATCH (g:GraphGeneration {id: 'graph'})
RETURN coalesce(g.value, 0) AS value, coalesce(g.epoch, '') AS epoch
