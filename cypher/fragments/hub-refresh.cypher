// hub-refresh (clauses): keeps the ranked neighbour lists of hubs (hub-rank) true after a write that
// changed the pairs in `touched`, in the write's own transaction. Each item is {hub, other, was}: two entity
// nodes whose relationships (or `other` itself) the write changed, and whether `other` was a neighbour of
// `hub` as find-neighborhood counts them BEFORE the write (null when unknown). A hub without a list gets one
// when it has more than 300 relationships: below that the scan reads fewer relationships than the default
// $limit of 300 and the list would save little but cost every write. For a hub with a list only `other`'s
// rank key is recomputed (from the relationships between the two) and moved, inserted or removed; the
// neighbour count moves by the change in `other`'s state. Only when the list holds 2000 of more neighbours
// and an entry falls out of it (or could be overtaken by one not listed) is the hub ranked afresh.
// Each hub's list is write-locked before it is read, so concurrent writes on one hub apply one after the
// other. Expects: touched. Follow with hub-refresh-done.
CALL (touched) {
  UNWIND touched AS t
  WITH DISTINCT t.hub AS h
  WITH h WHERE h IS NOT NULL AND NOT EXISTS { MATCH (:HubNeighbours {id: h.id}) } AND COUNT { (h)--() } > 300
  // @include hub-rank
}
CALL (touched) {
  UNWIND touched AS t
  WITH t.hub AS h, t.other AS b, t.was AS was
  // An entity is never its own neighbour: a relationship to itself changes neither its list nor its count.
  WHERE h IS NOT NULL AND b IS NOT NULL AND h <> b
  CALL (h, b, was) {
    MATCH (list:HubNeighbours {id: h.id}) WHERE list.fresh IS NULL
    WITH h, b, was, list, [list] AS toLock
    // @include write-lock
    WITH h, b, was, list, [(h)-[r]-(b) WHERE r.deleted = false | [r.certaintyRank, coalesce(r.occurredTo, '')]] AS rels
    WITH h, b, was, list, list.ids AS ids, list.ranks AS ranks, list.recents AS recents, list.count AS neighbours,
      CASE WHEN b.deleted = false AND b <> h AND size(rels) > 0 THEN {
        id: b.id,
        rank: reduce(best = rels[0][0], x IN rels | CASE WHEN x[0] > best THEN x[0] ELSE best END),
        recent: reduce(best = '', x IN rels | CASE WHEN x[1] > best THEN x[1] ELSE best END)
      } END AS key
    // The other end's id read once, not once per listed entry.
    WITH h, b.id AS otherId, list, was, ids, ranks, recents, neighbours, key
    WITH h, list, was, ids, ranks, recents, neighbours, key, size(ids) = neighbours AS complete,
      coalesce(head([i IN range(0, size(ids) - 1) WHERE ids[i] = otherId]), -1) AS at
    WITH h, list, was, ids, ranks, recents, neighbours, key, complete, at,
      [i IN range(0, size(ids) - 1) WHERE i <> at] AS kept
    WITH h, list, was, ids, ranks, recents, neighbours, key, complete, at,
      [i IN kept | ids[i]] AS restIds, [i IN kept | ranks[i]] AS restRanks, [i IN kept | recents[i]] AS restRecents
    WITH h, list, was, ids, ranks, recents, neighbours, key, complete, at, restIds, restRanks, restRecents,
      CASE WHEN key IS NULL THEN size(restIds) ELSE size([i IN range(0, size(restIds) - 1) WHERE
        restRanks[i] > key.rank OR (restRanks[i] = key.rank AND (restRecents[i] > key.recent OR
        (restRecents[i] = key.recent AND restIds[i] < key.id)))]) END AS pos
    // A full list stays full (every neighbour listed) whatever changes; a list cut at 2000 stays true when
    // nothing unlisted can now rank above its last entry: a listed entry that stays listed either still ranks
    // above some other listed entry or, being the last, did not fall.
    WITH h, list, neighbours, key, restIds, restRanks, restRecents, pos,
      CASE WHEN at >= 0 THEN true WHEN complete THEN false ELSE was END AS wasNeighbour,
      CASE
        WHEN complete THEN true
        WHEN at < 0 THEN was IS NOT NULL
        WHEN key IS NULL THEN false
        WHEN pos < size(restIds) THEN true
        ELSE at = size(ids) - 1 AND NOT (ranks[at] > key.rank OR (ranks[at] = key.rank AND recents[at] > key.recent))
      END AS valid,
      key IS NOT NULL AND (complete OR at >= 0 OR pos < size(restIds)) AS listed
    CALL (h, valid) {
      WITH h WHERE NOT valid
      // @include hub-rank
    }
    CALL (list, valid, neighbours, key, restIds, restRanks, restRecents, pos, wasNeighbour, listed) {
      WITH list, neighbours, key, restIds, restRanks, restRecents, pos, wasNeighbour, listed WHERE valid
      SET list.ids = (CASE WHEN listed THEN restIds[..pos] + key.id + restIds[pos..] ELSE restIds END)[..2000],
        list.ranks = (CASE WHEN listed THEN restRanks[..pos] + key.rank + restRanks[pos..] ELSE restRanks END)[..2000],
        list.recents = (CASE WHEN listed THEN restRecents[..pos] + key.recent + restRecents[pos..] ELSE restRecents END)[..2000],
        list.count = neighbours + CASE WHEN key IS NULL THEN 0 ELSE 1 END - CASE WHEN wasNeighbour THEN 1 ELSE 0 END
    }
  }
}
