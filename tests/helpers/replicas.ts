// Several Linkage servers over one Neo4j, as separate processes (so one can be SIGKILLed), behind a real
// nginx from Debian (/usr/sbin/nginx, package nginx-light; scripts/system-deps.ts installs it).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../neo4j/local-neo4j.ts';
import { REPO_ROOT } from '../../server/config.ts';

export const NGINX = '/usr/sbin/nginx';

export interface Replica {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far (its log). */
  output(): string;
  /** Resolves when the process has exited (after stop() or a kill). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `node server/main.ts` on its own port with env (NEO4J_URI and its credentials among it); resolves
 * once it listens (not yet ready). nodeArgs go to node itself (a benchmark's --cpu-prof, which node does
 * not take from NODE_OPTIONS).
 */
export async function startReplica(env: Record<string, string>, nodeArgs: string[] = []): Promise<Replica> {
  const port = await findFreePort();
  const args = [...nodeArgs, '--import', 'tsx', path.join(REPO_ROOT, 'server', 'main.ts')];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', () => {
      if (output.includes('Linkage is running at')) resolve();
    });
    void exited.then(() => reject(new Error(`a replica exited before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits until GET /ready answers 200 and returns its body. */
export async function waitReady(url: string, timeoutMs = 120_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/ready`).catch(() => null);
    if (response?.status === 200) return (await response.json()) as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`${url} did not become ready in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The nginx configuration of README "Running several servers", with paths and ports of a test: round robin
 * over the replicas, a dead one skipped after one failed connection (requests not yet sent to it go to the
 * next; a POST already sent is not replayed, since it may have written).
 */
export function nginxConfig(dir: string, listenPort: number, upstreams: string[]): string {
  const servers = upstreams
    .map((url) => `    server ${new URL(url).host} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream linkage {
${servers}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listenPort};
    client_max_body_size 2m;
    location / {
      proxy_pass http://linkage;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(dir: string, upstreams: string[]): Promise<Balancer> {
  if (!fs.existsSync(NGINX))
    throw new Error(
      `${NGINX} is missing: install Debian's nginx-light (apt-get install -y nginx-light; npm test does it as root)`,
    );
  const port = await findFreePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig(dir, port, upstreams));
  const child = spawn(NGINX, ['-c', conf, '-p', dir, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await fetch(`${url}/health`).catch(() => null))?.ok) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`nginx did not start: ${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}
