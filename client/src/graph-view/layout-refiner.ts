// Runs refinements off the main thread, one at a time: a new request or cancel() terminates the worker
// running the previous one (fcose cannot be interrupted from outside), so stale work never lands.
import type { RefineRequest, RefineResponse } from './refine-core.ts';

export interface LayoutRefiner {
  /** Resolves with the answer, or null when cancelled or failed. */
  run(request: Omit<RefineRequest, 'id'>): Promise<RefineResponse | null>;
  cancel(): void;
  busy(): boolean;
  dispose(): void;
}

export function createLayoutRefiner(): LayoutRefiner {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: { id: number; resolve: (r: RefineResponse | null) => void } | null = null;

  const start = (): Worker =>
    new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'linkage-layout' });

  function cancel(): void {
    if (!pending) return;
    pending.resolve(null);
    pending = null;
    // The worker is busy inside fcose: the only way to stop it is to end it.
    worker?.terminate();
    worker = null;
  }

  return {
    run(request) {
      cancel();
      const id = nextId++;
      if (typeof Worker === 'undefined') {
        // No workers (old embedders): refine on this thread, after the first paint.
        return new Promise((resolve) => {
          pending = { id, resolve };
          setTimeout(() => {
            if (pending?.id !== id) return;
            pending = null;
            void import('./refine-core.ts').then((m) => resolve(m.refine({ ...request, id })));
          }, 0);
        });
      }
      return new Promise((resolve) => {
        pending = { id, resolve };
        worker ??= start();
        worker.onmessage = (event: MessageEvent<RefineResponse>) => {
          if (pending?.id !== event.data.id) return;
          pending = null;
          resolve(event.data.error ? null : event.data);
        };
        worker.onerror = () => {
          if (pending?.id !== id) return;
          pending = null;
          worker?.terminate();
          worker = null;
          resolve(null);
        };
        worker.postMessage({ ...request, id });
      });
    },
    cancel,
    busy: () => pending !== null,
    dispose() {
      cancel();
      worker?.terminate();
      worker = null;
    },
  };
}
