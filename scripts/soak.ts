// npm run soak -- --minutes N [--seconds S] [--readers 16] [--editors 4] [--attackers 2] [--max-rss-mb 1024]
//                 [--url http://… --token lk_… [--pid P]] [--out dir]
// Readers and editors against the server, with attackers beside them (bench/soak/), then verifies: no 5xx
// for the normal clients, no lost or duplicated writes, no lost updates, RSS flat and under the bound.
// Writes bench/results/soak-<time>.{json,md}; exits 1 when a verification fails.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { markdown, runSoak } from '../bench/soak/run.ts';
import { REPO_ROOT } from '../server/config.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    seconds: { type: 'string' },
    readers: { type: 'string', default: '16' },
    editors: { type: 'string', default: '4' },
    attackers: { type: 'string', default: '2' },
    'max-rss-mb': { type: 'string', default: '1024' },
    url: { type: 'string' },
    token: { type: 'string' },
    pid: { type: 'string' },
    out: { type: 'string' },
  },
});
const seconds = values.seconds ? Number(values.seconds) : Number(values.minutes ?? '1') * 60;
const readers = Number(values.readers);
const editors = Number(values.editors);
const attackers = Number(values.attackers);
const maxRssMb = Number(values['max-rss-mb']);
const bad = [
  !(seconds > 0 && seconds <= 24 * 3600) && '--minutes/--seconds must be a positive duration (at most a day)',
  !(Number.isInteger(readers) && readers >= 0 && readers <= 512) && '--readers must be 0–512',
  !(Number.isInteger(editors) && editors >= 1 && editors <= 128) && '--editors must be 1–128',
  !(Number.isInteger(attackers) && attackers >= 0 && attackers <= 64) && '--attackers must be 0–64',
  !(maxRssMb > 0) && '--max-rss-mb must be a positive size in MiB',
].filter(Boolean);
if (bad.length > 0) {
  console.error(
    `${bad.join('\n')}\nusage: npm run soak -- --minutes N [--readers 16] [--editors 4] [--attackers 2] [--max-rss-mb 1024] [--url URL --token TOKEN [--pid PID]]`,
  );
  process.exit(64);
}
const { report, files } = await runSoak({
  seconds,
  readers,
  editors,
  attackers,
  maxRssMb,
  url: values.url,
  token: values.token ?? process.env.LINKAGE_SOAK_TOKEN,
  pid: values.pid ? Number(values.pid) : undefined,
  outDir: path.resolve(values.out ?? path.join(REPO_ROOT, 'bench', 'results')),
});
console.log(markdown(report));
console.log(`Report: ${files.join(', ')}`);
process.exit(report.verification.passed ? 0 : 1);
