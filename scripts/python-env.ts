// The Python environment the analyst notebooks run in: notebooks/.venv, created once with `python3 -m
// venv`, holding notebooks/requirements.txt and the `linkage` package (python/, installed editable), and
// reinstalled only when the requirements or the package's pyproject.toml change (a hash stamp inside the
// venv says which it holds), so the second call is a quick no-op. The widget's JavaScript bundle is built
// first (scripts/widget-build.ts), so the package can draw graphs offline.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureWidgetBuilt } from './widget-build.ts';

export const NOTEBOOKS_DIR = path.resolve(import.meta.dirname, '../notebooks');
const VENV_DIR = path.join(NOTEBOOKS_DIR, '.venv');
export const PACKAGE_DIR = path.resolve(import.meta.dirname, '../python');
const REQUIREMENTS = path.join(NOTEBOOKS_DIR, 'requirements.txt');
const PYPROJECT = path.join(PACKAGE_DIR, 'pyproject.toml');
const STAMP = path.join(VENV_DIR, '.linkage-requirements-sha256');

const venvPython = () =>
  process.platform === 'win32'
    ? path.join(VENV_DIR, 'Scripts', 'python.exe')
    : path.join(VENV_DIR, 'bin', 'python');

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${what} failed (exit ${result.status}):\n${output}`);
  }
}

/** Returns the venv's python, creating the venv and installing what changed. */
export function ensurePythonEnv(): string {
  ensureWidgetBuilt();
  const wanted = crypto
    .createHash('sha256')
    .update(fs.readFileSync(REQUIREMENTS))
    .update(fs.readFileSync(PYPROJECT))
    .digest('hex');
  const python = venvPython();
  if (fs.existsSync(python) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === wanted)
    return python;
  if (!fs.existsSync(python)) {
    const base = process.env.PYTHON ?? 'python3';
    run(
      base,
      ['-m', 'venv', VENV_DIR],
      `creating ${VENV_DIR} with "${base} -m venv" (on Debian: apt-get install python3-venv)`,
    );
  }
  console.error(
    'linkage: installing notebooks/requirements.txt and python/ (linkage) into notebooks/.venv …',
  );
  run(
    python,
    [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-input',
      '-q',
      '-r',
      REQUIREMENTS,
      '-e',
      PACKAGE_DIR,
    ],
    'pip install -r notebooks/requirements.txt -e python',
  );
  // The stamp is written last, so an interrupted install is retried next time.
  fs.writeFileSync(STAMP, wanted);
  return python;
}
