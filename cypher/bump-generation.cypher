// bump-generation: increments the graph generation inside the calling write transaction, so a replica
// that compares generations never serves an answer cached before this write (see server/db/database.ts).
// params: none
// returns: value, epoch
MERGE (g:GraphGeneration {id: 'graph'})
ON CREATE SET g.value = 0, g.epoch = randomUUID()
SET g.value = g.value + 1
RETURN g.value AS value, g.epoch AS epoch
