// revoke-token: marks every live token of this name revoked (kept, so an old token file imported again
// cannot bring it back).
// params: $name, $now
// returns: revoked
OPTIONAL MATCH (t:ApiToken {name: $name})
WHERE t.revokedAt IS NULL
SET t.revokedAt = $now
RETURN count(t) AS revoked
