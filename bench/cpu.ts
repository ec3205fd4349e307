// CPU time of a process from /proc/<pid>/stat (user + system, all threads). On a shared two-core machine
// latency and throughput move ±30–40 % between runs, while CPU per request hardly does: it is the number
// to compare when asking which process does the work.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | undefined;
const clockTicks = () => {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
};

/** Milliseconds of CPU the process has used so far, or undefined when it cannot be read. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid || pid < 0) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}

/** This process (the load generator) in milliseconds of CPU. */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export interface CpuSample {
  server?: number | undefined;
  neo4j?: number | undefined;
  load: number;
}

export function sampleCpu(serverPid: number | undefined, neo4jPid: number | undefined): CpuSample {
  return { server: processCpuMs(serverPid), neo4j: processCpuMs(neo4jPid), load: ownCpuMs() };
}

/** CPU used between two samples, in ms; undefined where a process could not be read. */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  const delta = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : b - a;
  return {
    server: delta(before.server, after.server),
    neo4j: delta(before.neo4j, after.neo4j),
    load: after.load - before.load,
  };
}
