// rank-hubs: ranks afresh the neighbour lists (fragments/hub-rank) of the hubs among $ids, the ends of the
// relationships an import wrote, once at the end of the import's transaction rather than per batch or row:
// an import may touch a hub thousands of times, and its `deleted` flags and evidence are final only then.
// params: $ids (entity ids)
// returns: ranked (hubs ranked)
UNWIND $ids AS id
MATCH (h:Entity {id: id})
WITH collect(h) AS hubs
// @include hub-rerank
RETURN size([h IN hubs WHERE EXISTS { MATCH (:HubNeighbours {id: h.id}) }]) AS ranked
