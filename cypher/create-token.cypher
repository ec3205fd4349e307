// create-token: stores a new token's hash; an earlier token of the same name is revoked by it.
// params: $name, $role, $sha256, $now, $expiresAt
// returns: name, replaced
OPTIONAL MATCH (old:ApiToken {name: $name})
WHERE old.revokedAt IS NULL
SET old.revokedAt = $now
WITH count(old) AS replaced
CREATE (t:ApiToken {name: $name, role: $role, sha256: $sha256, createdAt: $now, expiresAt: $expiresAt})
RETURN t.name AS name, replaced
