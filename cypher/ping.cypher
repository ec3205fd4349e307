// ping: proves the database answers a read.
// params: none
// returns: ok (1)
RETURN 1 AS ok
