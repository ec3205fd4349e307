// rank-all-hubs: drops every ranked neighbour list and ranks afresh those of all entities with more than 300
// relationships (fragments/hub-refresh says why), in one statement: after a restore and once for a database
// written before the lists existed (server/graph/migrations.ts).
// params: $onceAs (a migration id: nothing is done when that migration is recorded; or null)
// returns: ranked (hubs ranked; no row when skipped)
OPTIONAL MATCH (done:Migration {id: $onceAs})
WITH done WHERE done IS NULL
OPTIONAL MATCH (old:HubNeighbours)
DETACH DELETE old
WITH count(*) AS dropped
MATCH (h:Entity) WHERE COUNT { (h)--() } > 300
WITH collect(h) AS hubs
// @include hub-rerank
RETURN size(hubs) AS ranked
