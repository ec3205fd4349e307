// acquire-job-lock: write-locks the named lock node; another transaction asking for it waits until this
// one ends (commit, rollback, or its process dying), so a start-up job runs in one process at a time.
// params: $name, $holder, $now
// returns: name
MERGE (l:JobLock {name: $name})
SET l.holder = $holder, l.since = $now
RETURN l.name AS name
