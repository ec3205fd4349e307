// search: full-text search (cjk analyzer) with exact and prefix matches of names and aliases ranked first.
// params: $lucene (query built by server/graph/search.ts from user text; no raw input), $forms (lowercased
//         exact forms: the text and the text without a trailing Korean particle), $kinds (list or null),
//         $first, $candidates
// returns: entity (entity-view), score, exact (1 when a name or alias equals a form)
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $candidates}) YIELD node, score
WHERE node.deleted = false AND ($kinds IS NULL OR node.kind IN $kinds)
WITH node, score,
  [node.name, coalesce(node.nameKo, '')] + node.aliases AS names
WITH node, score,
  CASE WHEN any(n IN names WHERE toLower(n) IN $forms) THEN 1 ELSE 0 END AS exact,
  CASE WHEN any(n IN names WHERE any(f IN $forms WHERE toLower(n) STARTS WITH f)) THEN 1 ELSE 0 END AS prefix
RETURN node
  // @include entity-view
  AS entity, score, exact
ORDER BY exact DESC, prefix DESC, score DESC, node.id
LIMIT $first
