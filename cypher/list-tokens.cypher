// list-tokens: every bearer token that is not revoked (hashes only; the token text is never stored).
// params: none
// returns: name, role, sha256, createdAt, expiresAt
MATCH (t:ApiToken)
WHERE t.revokedAt IS NULL
RETURN t.name AS name, t.role AS role, t.sha256 AS sha256, t.createdAt AS createdAt, t.expiresAt AS expiresAt
ORDER BY t.createdAt, t.name
