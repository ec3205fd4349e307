// Bearer tokens with roles. Only SHA-256 hashes are stored (file mode 0600, outside git); a presented
// token is hashed and compared with every stored hash in constant time, so timing reveals nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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
type StoredToken = z.infer<typeof StoredToken>;

export type Viewer = { name: string; role: Role } | { name: 'anonymous'; role: 'anonymous' };
export type AuthResult =
  { ok: true; viewer: Viewer } | { ok: false; reason: 'malformed' | 'invalid' | 'expired' };

const TOKEN_PATTERN = /^lk_[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest();

export interface TokenStore {
  authenticate(header: string | undefined): AuthResult;
  reload(): void;
}

export function readTokenFile(file: string): StoredToken[] {
  if (!fs.existsSync(file)) return [];
  const parsed = TokenFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a Linkage token file; delete it and run "npm run token -- create" again`);
  return parsed.data.tokens;
}

export function createTokenStore(file: string, clock: () => number = Date.now): TokenStore {
  let tokens: StoredToken[] = [];
  let hashes: Buffer[] = [];
  let loadedMtime = -1;
  let checkedAt = 0;
  const reload = () => {
    loadedMtime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
    tokens = readTokenFile(file);
    hashes = tokens.map((t) => Buffer.from(t.sha256, 'hex'));
  };
  // Tokens created with "npm run token" while the server runs are picked up within a second.
  const refreshIfChanged = () => {
    const now = clock();
    if (now - checkedAt < 1000) return;
    checkedAt = now;
    const mtime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
    if (mtime !== loadedMtime) reload();
  };
  reload();
  return {
    reload,
    authenticate(header) {
      refreshIfChanged();
      if (header === undefined || header === '')
        return { ok: true, viewer: { name: 'anonymous', role: 'anonymous' } };
      const match = /^Bearer (\S+)$/.exec(header);
      if (!match || !TOKEN_PATTERN.test(match[1]!)) return { ok: false, reason: 'malformed' };
      const presented = sha256(match[1]!);
      let found = -1;
      // Compare against every hash without stopping early.
      hashes.forEach((hash, index) => {
        if (crypto.timingSafeEqual(hash, presented) && found === -1) found = index;
      });
      if (found === -1) return { ok: false, reason: 'invalid' };
      const token = tokens[found]!;
      if (token.expiresAt !== null && Date.parse(token.expiresAt) <= clock())
        return { ok: false, reason: 'expired' };
      return { ok: true, viewer: { name: token.name, role: token.role } };
    },
  };
}

function writeTokenFile(file: string, tokens: StoredToken[]) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ tokens }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

/** Removes the named token; a running server refuses it within a second. False if there was none. */
export function revokeToken(file: string, name: string): boolean {
  const tokens = readTokenFile(file);
  const kept = tokens.filter((t) => t.name !== name);
  if (kept.length === tokens.length) return false;
  writeTokenFile(file, kept);
  return true;
}

/** Creates a token, stores its hash, and returns the token text (shown once, never stored). */
export function issueToken(
  file: string,
  options: { name: string; role: Role; expiresInDays?: number | null },
): string {
  const token = `lk_${crypto.randomBytes(32).toString('base64url')}`;
  const tokens = readTokenFile(file).filter((t) => t.name !== options.name);
  tokens.push({
    name: options.name,
    role: options.role,
    sha256: sha256(token).toString('hex'),
    createdAt: new Date().toISOString(),
    expiresAt: options.expiresInDays
      ? new Date(Date.now() + options.expiresInDays * 86_400_000).toISOString()
      : null,
  });
  writeTokenFile(file, tokens);
  return token;
}
