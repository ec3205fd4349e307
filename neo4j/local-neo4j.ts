/**
 * Local embedded Neo4j for Linkage: installer + process launcher.
 *
 * - ensureNeo4jInstalled(): runs Maven (once) to copy Neo4j's runtime jars into neo4j/lib/ and compile
 *   the launcher (neo4j/src/main/java/linkage/LocalNeo4j.java) into neo4j/classes/. A stamp file holding a
 *   hash of pom.xml + the Java source makes later calls a cheap no-op.
 * - startLocalNeo4j(): spawns `java ... linkage.LocalNeo4j` and resolves once it prints
 *   `LINKAGE_NEO4J_READY bolt://127.0.0.1:<port>`.
 *
 * Orphan protection: the JVM is spawned with a stdin *pipe* and `--exit-on-stdin-eof`. The Java side has a
 * thread blocked reading stdin; when this Node process goes away for any reason (normal exit, crash,
 * SIGKILL) the kernel closes the pipe's write end, the JVM reads EOF and calls System.exit(0), which runs
 * its shutdown hook (managementService.shutdown()) so the store is closed cleanly. The JVM is also put in
 * its own process group so a terminal Ctrl-C reaches only Node, which then stops it via stop().
 *
 * Only `node:` builtins are imported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLocalNeo4jCredentials, localPasswordFile, type Neo4jCredentials } from './credentials.ts';

export type { Neo4jCredentials } from './credentials.ts';

export interface LocalNeo4j {
  /** bolt://127.0.0.1:<port> */
  uri: string;
  /** Authentication is always on: user neo4j, the password from <dataDir>/linkage-password. */
  auth: Neo4jCredentials;
  pid: number;
  /** SIGTERM, wait for exit; SIGKILL after 30 s. Safe to call more than once. */
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): void;
  /** Resolves with the exit code (null if killed by a signal). Never rejects. */
  exited: Promise<number | null>;
  /**
   * Sends the launcher a command on its stdin (only this process holds that pipe): 'inject-panic' panics
   * the default database as a failed log write does (fault tests). The launcher answers on its log (LINKAGE_NEO4J_COMMAND lines).
   */
  send(command: LocalNeo4jCommand): void;
}

export type LocalNeo4jCommand = 'inject-panic';

/** What the launcher reports about its databases every time it changes (a running JVM, a failed store). */
export interface LocalNeo4jHealth {
  state: 'ok' | 'offline' | 'panicked';
  /** Why it is not ok, as the launcher saw it (empty when ok). */
  reason: string;
}

export interface StartLocalNeo4jOptions {
  dataDir: string;
  boltPort: number;
  /** Neo4j page cache, e.g. "512m" (default 512m). */
  pageCache?: string;
  /** JVM heap, used for both -Xms and -Xmx, e.g. "1g" (default 1g). */
  heap?: string;
  /** Transaction timeout, e.g. "30s" (default 30s). */
  txTimeout?: string;
  /** Per-transaction memory cap, e.g. "1g" (default 1g). */
  txMemoryMax?: string;
  /** Receives every stdout/stderr line of the JVM (without trailing newline). */
  log?: (line: string) => void;
  /** How long to wait for the ready line (default 120 000 ms). */
  startTimeoutMs?: number;
  /** Told each change of the databases' health after the ready line (LocalNeo4j.java checks every second). */
  onHealth?: (health: LocalNeo4jHealth) => void;
}

export const READY_PREFIX = 'LINKAGE_NEO4J_READY ';
export const ERROR_PREFIX = 'LINKAGE_NEO4J_ERROR ';
const HEALTH_PREFIX = 'LINKAGE_NEO4J_HEALTH ';

/** Rejection of startLocalNeo4j(); exitCode is the launcher's exit code when it exited before ready. */
export class LocalNeo4jStartError extends Error {
  readonly exitCode: number | null;
  constructor(message: string, exitCode: number | null = null) {
    super(message);
    this.exitCode = exitCode;
    this.name = 'LocalNeo4jStartError';
  }
}

const STAMP_NAME = '.linkage-install-stamp';
const START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 30_000;

/** Walk up from this file's directory to the repo root (the directory that contains neo4j/pom.xml). */
function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'neo4j', 'pom.xml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`local-neo4j: cannot find neo4j/pom.xml above ${fileURLToPath(import.meta.url)}`);
    }
    dir = parent;
  }
}

function paths() {
  const root = findRepoRoot();
  const neo4jDir = path.join(root, 'neo4j');
  return {
    root,
    neo4jDir,
    pom: path.join(neo4jDir, 'pom.xml'),
    javaSource: path.join(neo4jDir, 'src', 'main', 'java', 'linkage', 'LocalNeo4j.java'),
    lib: path.join(neo4jDir, 'lib'),
    classes: path.join(neo4jDir, 'classes'),
    launcherClass: path.join(neo4jDir, 'classes', 'linkage', 'LocalNeo4j.class'),
    stamp: path.join(neo4jDir, 'classes', STAMP_NAME),
    lockDir: path.join(neo4jDir, 'target', 'install.lock'),
  };
}

function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  if (home && existsSync(path.join(home, 'bin', 'java'))) return path.join(home, 'bin', 'java');
  return 'java';
}

function installHash(p: ReturnType<typeof paths>): string {
  const h = createHash('sha256');
  h.update(readFileSync(p.pom));
  h.update('\0');
  h.update(readFileSync(p.javaSource));
  return h.digest('hex');
}

function isInstalled(p: ReturnType<typeof paths>, hash: string): boolean {
  try {
    if (readFileSync(p.stamp, 'utf8').trim() !== hash) return false;
    if (!existsSync(p.launcherClass)) return false;
    return readdirSync(p.lib).some((f) => f.endsWith('.jar'));
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Cross-process install lock (mkdir is atomic). Stale locks (dead owner or > 20 min) are broken. */
async function withInstallLock<T>(
  lockDir: string,
  say: (m: string) => void,
  fn: () => Promise<T>,
): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let stale = false;
      try {
        const owner = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
        const age = Date.now() - statSync(lockDir).mtimeMs;
        stale = (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) || age > 20 * 60_000;
      } catch {
        // pid file not written yet (owner just created the dir) or lock vanished: retry
        try {
          stale = Date.now() - statSync(lockDir).mtimeMs > 60_000;
        } catch {
          stale = false;
        }
      }
      if (stale) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) {
        say('local-neo4j: another process is installing Neo4j, waiting...');
        announced = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function runMaven(p: ReturnType<typeof paths>, quiet: boolean): Promise<void> {
  const mvn = process.env.LINKAGE_MVN ?? 'mvn';
  const args = ['-B', '-q', '-Dstyle.color=never', '-f', p.pom, 'compile'];
  return new Promise((resolve, reject) => {
    let output = '';
    let child: ChildProcess;
    try {
      child = spawn(mvn, args, { cwd: p.root, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      reject(e);
      return;
    }
    const onData = (chunk: Buffer) => {
      // Maven 3.8 prints bare ANSI resets even with -B -q; drop colour codes.
      // eslint-disable-next-line no-control-regex
      const s = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      if (!s) return;
      output += s;
      if (output.length > 200_000) output = output.slice(-100_000);
      if (!quiet) process.stderr.write(s);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (e) => {
      const code = (e as NodeJS.ErrnoException).code;
      reject(
        new Error(
          code === 'ENOENT'
            ? `local-neo4j: Maven ('${mvn}') not found on PATH; install Maven 3.8+ (apt-get install maven) or set LINKAGE_MVN`
            : `local-neo4j: failed to run Maven: ${e.message}`,
        ),
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else {
        if (quiet) process.stderr.write(output);
        reject(new Error(`local-neo4j: '${mvn} ${args.join(' ')}' failed (exit ${code ?? signal})`));
      }
    });
  });
}

/**
 * Copy Neo4j's jars into neo4j/lib/ and compile the launcher into neo4j/classes/, only if missing or if
 * pom.xml / LocalNeo4j.java changed since the last install. A second call is a fast no-op.
 */
export async function ensureNeo4jInstalled(options: { quiet?: boolean } = {}): Promise<void> {
  const quiet = options.quiet ?? false;
  const say = (m: string) => {
    if (!quiet) process.stderr.write(m + '\n');
  };
  const p = paths();
  if (isInstalled(p, installHash(p))) return;

  await withInstallLock(p.lockDir, say, async () => {
    const hash = installHash(p); // re-read: another process may have finished meanwhile
    if (isInstalled(p, hash)) return;
    const t0 = Date.now();
    say('local-neo4j: installing embedded Neo4j (Maven: copy jars to neo4j/lib, compile launcher)...');
    // Start from scratch so jars of an old Neo4j version never linger on the classpath.
    rmSync(p.lib, { recursive: true, force: true });
    rmSync(p.classes, { recursive: true, force: true });
    await runMaven(p, quiet);
    if (!existsSync(p.launcherClass)) {
      throw new Error(`local-neo4j: Maven finished but ${p.launcherClass} is missing`);
    }
    writeFileSync(p.stamp, hash + '\n');
    say(`local-neo4j: installed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  });
}

/** A free TCP port on 127.0.0.1 (there is an inherent race until the caller binds it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close((err) => (err ? reject(err) : port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

const SIZE_RE = /^\d+[kKmMgGtT]?$/;

/** Start the embedded Neo4j. Call ensureNeo4jInstalled() first. */
export function startLocalNeo4j(options: StartLocalNeo4jOptions): Promise<LocalNeo4j> {
  const p = paths();
  const heap = options.heap ?? '1g';
  if (!SIZE_RE.test(heap))
    return Promise.reject(new Error(`local-neo4j: invalid heap size '${heap}' (e.g. 1g, 1536m)`));
  if (!Number.isInteger(options.boltPort) || options.boltPort < 1 || options.boltPort > 65535) {
    return Promise.reject(new Error(`local-neo4j: invalid boltPort ${options.boltPort}`));
  }
  if (!existsSync(p.launcherClass)) {
    return Promise.reject(new Error('local-neo4j: launcher not built; call ensureNeo4jInstalled() first'));
  }

  const dataDir = path.resolve(options.dataDir);
  let auth: Neo4jCredentials;
  try {
    auth = ensureLocalNeo4jCredentials(dataDir);
  } catch (error) {
    return Promise.reject(
      new LocalNeo4jStartError(
        `local-neo4j: cannot prepare the password file ${localPasswordFile(dataDir)}: ${(error as Error).message}`,
        3,
      ),
    );
  }
  const jvmArgs = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    // Same opens Neo4j's own launcher adds (page cache / native IO / Netty fast paths).
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
    '-cp',
    `${p.classes}${path.delimiter}${path.join(p.lib, '*')}`,
    'linkage.LocalNeo4j',
  ];
  const appArgs = [
    '--data-dir',
    dataDir,
    '--bolt-port',
    String(options.boltPort),
    '--password-file',
    localPasswordFile(dataDir),
    '--exit-on-stdin-eof',
  ];
  if (options.pageCache) appArgs.push('--pagecache', options.pageCache);
  if (options.txTimeout) appArgs.push('--tx-timeout', options.txTimeout);
  if (options.txMemoryMax) appArgs.push('--tx-memory-max', options.txMemoryMax);

  const log = options.log ?? (() => {});
  const timeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;

  return new Promise<LocalNeo4j>((resolve, reject) => {
    const child = spawn(javaExecutable(), [...jvmArgs, ...appArgs], {
      cwd: p.root,
      // stdin MUST stay a pipe that we never close while running: its EOF tells the JVM we are gone.
      stdio: ['pipe', 'pipe', 'pipe'],
      // Own process group: terminal Ctrl-C goes to Node only, which stops Neo4j in order.
      detached: true,
    });
    child.stdin?.on('error', () => {}); // EPIPE if the JVM dies first

    let settled = false;
    let errorLine: string | undefined;
    const recent: string[] = [];
    let exitCode: number | null | undefined;

    const exited = new Promise<number | null>((res) => {
      child.on('exit', (code) => {
        exitCode = code;
        res(code);
      });
    });

    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    };

    const handle: LocalNeo4j = {
      uri: `bolt://127.0.0.1:${options.boltPort}`,
      auth,
      pid: child.pid ?? -1,
      exited,
      kill(signal: NodeJS.Signals = 'SIGTERM') {
        if (exitCode === undefined) child.kill(signal);
      },
      send(command) {
        if (exitCode === undefined) child.stdin?.write(`${command}\n`);
      },
      async stop() {
        if (exitCode !== undefined) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => {
          if (exitCode === undefined) {
            log(
              `local-neo4j: Neo4j (pid ${child.pid}) did not stop within ${STOP_GRACE_MS / 1000}s, sending SIGKILL`,
            );
            child.kill('SIGKILL');
          }
        }, STOP_GRACE_MS);
        try {
          await exited;
        } finally {
          clearTimeout(killer);
        }
      },
    };

    const lineReader = (stream: NodeJS.ReadableStream | null, isStdout: boolean) => {
      if (!stream) return;
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).replace(/\r$/, '');
          buf = buf.slice(nl + 1);
          onLine(line, isStdout);
        }
      });
      stream.on('end', () => {
        if (buf) onLine(buf, isStdout);
        buf = '';
      });
    };

    const onLine = (line: string, isStdout: boolean) => {
      log(line);
      if (!isStdout) {
        recent.push(line);
        if (recent.length > 40) recent.shift();
        if (line.startsWith(ERROR_PREFIX) && errorLine === undefined) errorLine = line;
      }
      if (isStdout && !settled && line.startsWith(READY_PREFIX)) {
        settled = true;
        clearTimeout(timer);
        const uri = line.slice(READY_PREFIX.length).trim();
        if (uri) handle.uri = uri;
        resolve(handle);
      } else if (isStdout && line.startsWith(HEALTH_PREFIX)) {
        const [state = '', ...why] = line.slice(HEALTH_PREFIX.length).split(' ');
        if (state === 'ok' || state === 'offline' || state === 'panicked')
          options.onHealth?.({ state, reason: why.join(' ') });
      }
    };

    lineReader(child.stdout, true);
    lineReader(child.stderr, false);

    child.on('error', (e) => {
      const code = (e as NodeJS.ErrnoException).code;
      fail(
        new Error(
          code === 'ENOENT'
            ? `local-neo4j: '${javaExecutable()}' not found; install a Java 17+ runtime or set JAVA_HOME`
            : `local-neo4j: failed to spawn Java: ${e.message}`,
        ),
      );
    });

    // Wait for the stdio streams to drain ('close') so the error line is captured before rejecting.
    child.on('close', (code, signal) => {
      const why = errorLine ?? (recent.length ? recent.slice(-10).join('\n') : `no output`);
      fail(
        new LocalNeo4jStartError(
          `local-neo4j: Neo4j exited before it was ready (exit ${code ?? signal}): ${why}`,
          code,
        ),
      );
    });

    const timer = setTimeout(() => {
      if (settled) return;
      const tail = recent.slice(-10).join('\n');
      fail(
        new LocalNeo4jStartError(
          `local-neo4j: Neo4j not ready after ${timeoutMs / 1000}s; killed it.${tail ? '\n' + tail : ''}`,
        ),
      );
      void handle.stop();
    }, timeoutMs);
  });
}
