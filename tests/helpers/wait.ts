// Waiting for something another process does (a restart, a supervisor's check): poll, never sleep blind.
import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until check() holds or the deadline passes; returns whether it held. */
export async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}
