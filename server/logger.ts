import { pino, type Logger } from 'pino';

export type { Logger };

/** Tokens and credentials never reach the logs: every path that can hold one is redacted. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'password',
  '*.password',
  'config.neo4j.auth',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'linkage' } },
    destination,
  );
}
