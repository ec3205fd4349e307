// list-sources: every source, newest report first.
// params: none
// returns: source (node)
MATCH (s:Source)
RETURN s AS source
ORDER BY s.publishedAt DESC, s.id
