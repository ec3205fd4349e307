// write-lock (clause): takes Neo4j's write lock on each element of `toLock` (nodes or relationships; nulls
// skipped), in id order, by setting and removing a property. A writer takes its locks BEFORE it reads the
// versions, `deleted` flags or lists it checks, so two concurrent writers cannot both pass a check on the same
// state (issue 12, item 4); the fixed order means two writers locking the same elements cannot deadlock.
// FOREACH, not a CALL subquery: reads after a CALL may reuse property values cached before it, which let a
// stale version pass (tests/integration/merge-races.test.ts caught it). Expects: toLock (a list).
FOREACH (locked IN COLLECT { UNWIND toLock AS x WITH x WHERE x IS NOT NULL RETURN x ORDER BY x.id } |
  SET locked.writeLock = true REMOVE locked.writeLock)
