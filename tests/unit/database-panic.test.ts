// Issue 12, item 6: the error a panicked Neo4j answers every transaction with (seen from Neo4j 5.26 after
// DatabaseHealth.panic, in neo4j-panic.test.ts) is a DatabaseError, not a transient one, so it used to
// reach clients as INTERNAL_SERVER_ERROR. It is DATABASE_UNAVAILABLE, saying the database must be restarted.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { isDatabasePanic, mapDriverError } from '../../server/db/database.ts';
import { AppError } from '../../server/errors.ts';

const PANIC_MESSAGE =
  'The database has encountered a critical error, and needs to be restarted. Please see database logs for more details.';
const neo4jError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error');

describe('a panicked database', () => {
  it('is DATABASE_UNAVAILABLE with the reason, not an internal error', () => {
    const mapped = mapDriverError(
      neo4jError(PANIC_MESSAGE, 'Neo.DatabaseError.Transaction.TransactionStartFailed'),
      'get-entity',
    );
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe('DATABASE_UNAVAILABLE');
    expect((mapped as AppError).message).toMatch(/panicked.*must be restarted/);
  });

  it('is told apart from other database errors, which stay faults', () => {
    expect(
      isDatabasePanic(neo4jError(PANIC_MESSAGE, 'Neo.DatabaseError.Transaction.TransactionStartFailed')),
    ).toBe(true);
    const other = neo4jError(
      'Could not apply the transaction',
      'Neo.DatabaseError.Transaction.TransactionCommitFailed',
    );
    expect(isDatabasePanic(other)).toBe(false);
    expect(mapDriverError(other, 'get-entity')).toBe(other);
    // A client's Cypher that merely quotes the words is not a panic either.
    expect(isDatabasePanic(neo4jError(PANIC_MESSAGE, 'Neo.ClientError.Statement.SyntaxError'))).toBe(false);
  });
});
