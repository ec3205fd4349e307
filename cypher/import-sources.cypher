// import-sources: MERGE sources by id; an existing source keeps its fields (first writer wins).
// params: $rows (list of {id, title, titleEn, publisher, author, publishedAt, language, url}), $importId
// returns: created, unchanged
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s += row, s.createdIn = $importId
WITH s, s.createdIn = $importId AS created
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN created THEN 0 ELSE 1 END) AS unchanged
