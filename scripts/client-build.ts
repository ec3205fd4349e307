// Builds the client with Vite when its sources are newer than the last build (a quick no-op otherwise).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'client', 'dist', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureClientBuilt(): void {
  const clientDir = path.join(root, 'client');
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) return;
  if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= newestMtime(clientDir)) return;
  console.error('linkage: building the client (vite build) …');
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'client/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('the client build failed; run "npm run build:client" to see why');
}
