// Issue 12, item 23: the level each error is logged at. Client errors are info, a database that is down
// or busy warn, and only a fault is an error (logged once, with the id the client is shown).
import { Writable } from 'node:stream';
import { createGraphQLError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { createMaskError, logLevelOf } from '../../server/graphql/mask-error.ts';
import { createLogger } from '../../server/logger.ts';

describe('logLevelOf', () => {
  it('logs what the client caused at info and what the database did at warn', () => {
    expect(logLevelOf(new AppError('BAD_USER_INPUT', 'depth: at most 3'))).toBe('info');
    expect(logLevelOf(new AppError('UNAUTHENTICATED', 'send a token'))).toBe('info');
    expect(logLevelOf(createGraphQLError('wrapped', { originalError: new AppError('FORBIDDEN', 'x') }))).toBe(
      'info',
    );
    expect(logLevelOf(createGraphQLError('Syntax Error: Expected Name'))).toBe('info');
    expect(logLevelOf(new AppError('DATABASE_UNAVAILABLE', 'retry'))).toBe('warn');
    expect(logLevelOf(new AppError('OVERLOADED', 'busy'))).toBe('warn');
  });

  it('leaves a fault to the mask, which logs it at error with its id', () => {
    const lines: { level: number; errorId?: string }[] = [];
    const logger = createLogger(
      'debug',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString('utf8')) as { level: number });
          done();
        },
      }),
    );
    const fault = new TypeError('Cannot read properties of undefined');
    expect(logLevelOf(fault)).toBe('debug');
    const masked = createMaskError(logger)(fault, 'Unexpected error.');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe(50);
    expect(masked.message).toContain(lines[0]!.errorId);
  });
});
