/**
 * The local Neo4j's credentials, in one place: user `neo4j` and the password in
 * `<dataDir>/linkage-password` (mode 0600 in a 0700 data directory). The launcher (LocalNeo4j.java) sets
 * the neo4j user's password from this file at every start, so the file is the truth: replace it (or delete
 * it, and a new one is generated) and restart to rotate the password. The server, the scripts and the tests
 * read it through these functions; nothing prints it.
 *
 * Only `node:` builtins are imported.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Neo4jCredentials {
  user: string;
  password: string;
}

export const LOCAL_NEO4J_USER = 'neo4j';
export const PASSWORD_FILE_NAME = 'linkage-password';

export function localPasswordFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), PASSWORD_FILE_NAME);
}

function tighten(file: string, mode: number) {
  try {
    if ((fs.statSync(file).mode & 0o777) !== mode) fs.chmodSync(file, mode);
  } catch {
    // not ours to change (or gone): reading it will say what is wrong
  }
}

function parse(file: string): Neo4jCredentials {
  const password = fs.readFileSync(file, 'utf8').trim();
  if (password.length < 8) {
    throw new Error(
      `${file} holds a password shorter than 8 characters; delete it to have a new one generated`,
    );
  }
  return { user: LOCAL_NEO4J_USER, password };
}

/** The credentials of the local Neo4j in dataDir, or undefined when it has never been started there. */
export function readLocalNeo4jCredentials(dataDir: string): Neo4jCredentials | undefined {
  const file = localPasswordFile(dataDir);
  if (!fs.existsSync(file)) return undefined;
  tighten(file, 0o600);
  return parse(file);
}

/**
 * The credentials of the local Neo4j in dataDir, generating the password file (0600, created exclusively,
 * so two starters agree) and the data directory (0700) when they do not exist yet.
 */
export function ensureLocalNeo4jCredentials(dataDir: string): Neo4jCredentials {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
  const file = localPasswordFile(dir);
  try {
    fs.writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  tighten(file, 0o600);
  return parse(file);
}

/** The bolt URI the local Neo4j listens on for this port (what `NEO4J_URI` would be set to by hand). */
export function isLocalNeo4jUri(uri: string, boltPort: number): boolean {
  return new RegExp(`^(bolt|neo4j)://(127\\.0\\.0\\.1|localhost|\\[::1\\]):${boltPort}/?$`).test(uri);
}

/** NEO4J_USER/NEO4J_PASSWORD from the environment (both or neither), for tools handed a bare bolt URI. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jCredentials | undefined {
  return env.NEO4J_USER && env.NEO4J_PASSWORD
    ? { user: env.NEO4J_USER, password: env.NEO4J_PASSWORD }
    : undefined;
}

/** The same credentials as environment variables, for a child process (never for a log line). */
export function credentialsEnv(auth: Neo4jCredentials | undefined): Record<string, string> {
  return auth ? { NEO4J_USER: auth.user, NEO4J_PASSWORD: auth.password } : {};
}
