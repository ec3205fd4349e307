// search-choseong: 초성 (initial-consonant) search for Korean names, e.g. ㅈㅋㅂㄱ finds 저커버그. Each
// Hangul syllable of the Korean name and aliases is mapped to its initial consonant by where it sorts
// among the first syllables of the 19 initials ($bounds, 가 까 나 …); spaces are dropped. Only run for
// text made of initial consonants alone (server/graph/search.ts), so ordinary searches keep the index.
// params: $pattern (the consonants, spaces removed), $initials (the 19 initials, ㄱ ㄲ ㄴ …), $bounds
//         (their first syllables), $kinds (list or null), $first
// returns: entity (node), score (2 whole name, 1 prefix, 0 inside), exact (1 when a whole name matches)
MATCH (node:Entity)
WHERE node.deleted = false AND ($kinds IS NULL OR node.kind IN $kinds)
  AND (node.nameKo IS NOT NULL OR size(node.aliases) > 0)
WITH node, [n IN [coalesce(node.nameKo, '')] + node.aliases WHERE n <> ''] AS names
WITH node, [n IN names | reduce(acc = '', i IN range(0, size(n) - 1) |
  acc + CASE
    WHEN substring(n, i, 1) >= '가' AND substring(n, i, 1) <= '힣'
      THEN $initials[size([b IN $bounds WHERE b <= substring(n, i, 1)]) - 1]
    WHEN substring(n, i, 1) = ' ' THEN ''
    ELSE substring(n, i, 1) END)] AS keys
WHERE any(k IN keys WHERE k CONTAINS $pattern)
WITH node, CASE WHEN any(k IN keys WHERE k = $pattern) THEN 2
  WHEN any(k IN keys WHERE k STARTS WITH $pattern) THEN 1 ELSE 0 END AS rank
RETURN node
  // @include entity-view
  AS entity, toFloat(rank) AS score, CASE WHEN rank = 2 THEN 1 ELSE 0 END AS exact
ORDER BY rank DESC, size(coalesce(node.nameKo, '')), node.id
LIMIT $first
