// schema-locks: the constraint the job lock needs before it can be taken (applied before the lock, so not
// part of schema.cypher, which is applied under it). Idempotent.
CREATE CONSTRAINT job_lock_name IF NOT EXISTS FOR (l:JobLock) REQUIRE l.name IS UNIQUE;
