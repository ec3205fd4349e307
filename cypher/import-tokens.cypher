// import-tokens: brings the tokens of a token file (data/tokens.json, from before tokens lived in Neo4j)
// into the database. Keyed by hash: a token already there, live or revoked, is left as it is.
// params: $rows (name, role, sha256, createdAt, expiresAt), $now
// returns: imported
UNWIND $rows AS row
MERGE (t:ApiToken {sha256: row.sha256})
ON CREATE SET
  t.name = row.name,
  t.role = row.role,
  t.createdAt = row.createdAt,
  t.expiresAt = row.expiresAt,
  t.importedAt = $now
RETURN count(CASE WHEN t.importedAt = $now THEN 1 END) AS imported
