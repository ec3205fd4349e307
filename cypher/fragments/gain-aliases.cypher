// gain-aliases (clause): appends `gainedAliases` to the aliases of the entity `aliased`, and rebuilds the
// `aliasText` the fulltext index reads (a fulltext index reads strings, not lists), the same text
// server/graph/records.ts writes for new and edited entities: each alias followed by ' | '.
// Expects: aliased (an Entity node), gainedAliases (a list of strings, already free of repeats).
FOREACH (aliases IN [aliased.aliases + gainedAliases] |
  SET aliased.aliases = aliases, aliased.aliasText = reduce(text = '', a IN aliases | text + a + ' | '))
