// Runs one of the product's command-line entry points (scripts/<name>.ts) the way an operator does,
// against a test database, and hands back what it printed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../server/config.ts';
import { neo4jEnv } from './db.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  script: string,
  args: string[],
  options: { uri: string; env?: Record<string, string>; timeoutMs?: number },
): CliResult {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', `${script}.ts`), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...neo4jEnv(options.uri), LOG_LEVEL: 'silent', ...options.env },
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 120_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
