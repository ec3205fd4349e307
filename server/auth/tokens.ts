// Bearer tokens with roles, kept in Neo4j so every replica (and the CLI) shares them. Only SHA-256 hashes
// are stored; a presented token is hashed and compared with every live hash in constant time, so timing
// reveals nothing. Each server keeps the live hashes in memory and re-reads them every REFRESH_MS, so a
// token created or revoked anywhere works or stops working on every replica within a second.
//
// Before tokens lived in Neo4j they were kept in a file (data/tokens.json): that format is still read, to
// import an existing file once at start-up (importTokenFile), and written by issueToken (tests and tools
// hand a server its first tokens that way).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };
export const roleAtLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

const StoredToken = z.object({
  name: z.string().min(1),
  role: z.enum(ROLES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
const TokenFile = z.object({ tokens: z.array(StoredToken) });
export type StoredToken = z.infer<typeof StoredToken>;

export type Viewer = { name: string; role: Role } | { name: 'anonymous'; role: 'anonymous' };
export type AuthResult =
  { ok: true; viewer: Viewer } | { ok: false; reason: 'malformed' | 'invalid' | 'expired' | 'unavailable' };

const TOKEN_PATTERN = /^lk_[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest();
/** How often each server re-reads the live tokens: revocation reaches every replica within a second. */
export const REFRESH_MS = 500;

export interface TokenStore {
  authenticate(header: string | undefined): AuthResult;
  /** Reads the live tokens now (start-up waits for it; afterwards a timer calls it every REFRESH_MS). */
  refresh(): Promise<void>;
  close(): void;
}

/** Authenticates against one snapshot of the live tokens, comparing every hash without stopping early. */
export function authenticateAgainst(
  tokens: readonly StoredToken[] | null,
  header: string | undefined,
  now: number,
): AuthResult {
  if (header === undefined || header === '')
    return { ok: true, viewer: { name: 'anonymous', role: 'anonymous' } };
  const match = /^Bearer (\S+)$/.exec(header);
  if (!match || !TOKEN_PATTERN.test(match[1]!)) return { ok: false, reason: 'malformed' };
  // Never read yet (the database has not answered since start): the token cannot be checked.
  if (tokens === null) return { ok: false, reason: 'unavailable' };
  const presented = sha256(match[1]!);
  let found = -1;
  tokens.forEach((token, index) => {
    if (crypto.timingSafeEqual(Buffer.from(token.sha256, 'hex'), presented) && found === -1) found = index;
  });
  if (found === -1) return { ok: false, reason: 'invalid' };
  const token = tokens[found]!;
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now) return { ok: false, reason: 'expired' };
  return { ok: true, viewer: { name: token.name, role: token.role } };
}

const toStoredTokens = (rows: Record<string, unknown>[]): StoredToken[] =>
  rows.flatMap((row) => {
    const parsed = StoredToken.safeParse({ ...row, expiresAt: row.expiresAt ?? null });
    return parsed.success ? [parsed.data] : [];
  });

export function createTokenStore(
  db: Database,
  options: { logger?: Logger; clock?: () => number; refreshMs?: number } = {},
): TokenStore {
  const clock = options.clock ?? Date.now;
  let tokens: StoredToken[] | null = null;
  let failing = false;
  const refresh = async () => {
    try {
      tokens = toStoredTokens(await db.readInBackground('list-tokens'));
      failing = false;
    } catch (error) {
      // The last snapshot stays: while the database is down no request reaches the graph anyway.
      if (!failing)
        options.logger?.warn({ err: error }, 'tokens could not be re-read; keeping the last ones');
      failing = true;
    }
  };
  let refreshing = false;
  const timer = setInterval(() => {
    if (refreshing) return;
    refreshing = true;
    void refresh().finally(() => {
      refreshing = false;
    });
  }, options.refreshMs ?? REFRESH_MS);
  timer.unref();
  return {
    refresh,
    authenticate: (header) => authenticateAgainst(tokens, header, clock()),
    close: () => clearInterval(timer),
  };
}

const newToken = () => `lk_${crypto.randomBytes(32).toString('base64url')}`;
const expiry = (days: number | null | undefined) =>
  days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;

/** Creates a token in the database and returns its text (shown once, never stored). */
export async function createToken(
  db: Database,
  options: { name: string; role: Role; expiresInDays?: number | null },
): Promise<string> {
  const token = newToken();
  await db.write('create-token', {
    name: options.name,
    role: options.role,
    sha256: sha256(token).toString('hex'),
    now: new Date().toISOString(),
    expiresAt: expiry(options.expiresInDays),
  });
  return token;
}

/** Revokes the named token on every replica within a second. False if there was no live one. */
export async function revokeToken(db: Database, name: string): Promise<boolean> {
  const rows = await db.write('revoke-token', { name, now: new Date().toISOString() });
  return Number(rows[0]?.revoked ?? 0) > 0;
}

export async function listTokens(db: Database): Promise<StoredToken[]> {
  return toStoredTokens(await db.read('list-tokens'));
}

/** The tokens of a token file; [] when there is none. */
export function readTokenFile(file: string): StoredToken[] {
  if (!fs.existsSync(file)) return [];
  const parsed = TokenFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a Linkage token file; delete it and run "npm run token -- create" again`);
  return parsed.data.tokens;
}

/**
 * Imports a token file into the database. Idempotent and keyed by hash: tokens already there (live or
 * revoked) stay as they are, so importing the same file again, on any replica, changes nothing.
 */
export async function importTokenFile(db: Database, file: string): Promise<number> {
  const rows = readTokenFile(file);
  if (rows.length === 0) return 0;
  const result = await db.write('import-tokens', { rows, now: new Date().toISOString() });
  return Number(result[0]?.imported ?? 0);
}

/**
 * Adds a token to a token file (the pre-database format, mode 0600) and returns its text. Servers import
 * the file at start-up; a running server does not read it again.
 */
export function issueToken(
  file: string,
  options: { name: string; role: Role; expiresInDays?: number | null },
): string {
  const token = newToken();
  const tokens = readTokenFile(file).filter((t) => t.name !== options.name);
  tokens.push({
    name: options.name,
    role: options.role,
    sha256: sha256(token).toString('hex'),
    createdAt: new Date().toISOString(),
    expiresAt: expiry(options.expiresInDays),
  });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ tokens }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
  return token;
}
