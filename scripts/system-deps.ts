// System packages the browser and notebook tiers need (Debian): installed when missing and we are root,
// otherwise the missing ones are named with the command that installs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const SYSTEM_PACKAGES: { pkg: string; present: () => boolean }[] = [
  { pkg: 'chromium', present: () => fs.existsSync('/usr/bin/chromium') },
  {
    pkg: 'fonts-noto-cjk',
    present: () => fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  },
  // The load balancer in front of the replicas in tests/integration/replicas.test.ts.
  { pkg: 'nginx-light', present: () => fs.existsSync('/usr/sbin/nginx') },
  {
    pkg: 'python3-venv',
    present: () => spawnSync('python3', ['-c', 'import venv, ensurepip'], { stdio: 'ignore' }).status === 0,
  },
];

export function ensureSystemPackages(): void {
  const missing = SYSTEM_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing system packages: ${missing.join(', ')}; install them with: sudo sh -c '${command}'`,
    );
  }
  console.error(`linkage: installing system packages: ${missing.join(', ')} …`);
  const result = spawnSync(
    'sh',
    ['-c', `DEBIAN_FRONTEND=noninteractive ${command} > /tmp/linkage-apt.log 2>&1`],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`apt-get failed (see /tmp/linkage-apt.log); run: ${command}`);
}
