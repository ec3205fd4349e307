// Entry point of every npm script that needs the project installed: installs what is missing (npm
// dependencies; quick no-op when the lockfile has not changed), then runs scripts/<task>.ts in this
// same process through tsx, so signals reach the task directly.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [task, ...args] = process.argv.slice(2);
const TASKS = [
  'start',
  'test',
  'neo4j',
  'import',
  'token',
  'generate',
  'bench',
  'soak',
  'backup',
  'restore',
  'ingest',
  'eval-ingest',
  'cypher',
  'db',
  'notebooks',
];
if (!TASKS.includes(task)) {
  console.error(`usage: node scripts/bootstrap.mjs <${TASKS.join('|')}> [args]`);
  process.exit(64);
}

function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.linkage-install-stamp');
  const wanted = crypto
    .createHash('sha256')
    .update(fs.readFileSync(lock))
    .update(fs.readFileSync(path.join(root, 'package.json')))
    .digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return;
  console.error('linkage: installing npm dependencies (npm ci) …');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(
      'linkage: npm ci failed; check the registry connection and run "npm ci" by hand to see why.',
    );
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stamp, wanted);
}

ensureNodeModules();
const { register } = await import('tsx/esm/api');
register();
process.argv = [process.argv[0], path.join(root, 'scripts', `${task}.ts`), ...args];
await import(pathToFileURL(path.join(root, 'scripts', `${task}.ts`)).href);
