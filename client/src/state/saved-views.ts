// Named views: a name and the same string the URL hash holds. They live on the server (shared by everyone
// and every replica); this browser's localStorage keeps a copy of the last list, shown when the server
// cannot be reached, and views saved while offline stay local until the next save online.
import { ApiError } from '../api/errors.ts';
import type { SavedViewsApi } from '../api/linkage-api.ts';
import type { SavedView } from '../api/shapes.ts';

export type { SavedView };

const KEY = 'linkage.savedViews';

export function loadSavedViews(storage: Storage): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (v): v is SavedView =>
            typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.hash === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

export function saveView(storage: Storage, name: string, hash: string, now = new Date()): SavedView[] {
  const views = loadSavedViews(storage).filter((v) => v.name !== name);
  const next = [...views, { name, hash, savedAt: now.toISOString(), savedBy: 'this browser' }].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  storage.setItem(KEY, JSON.stringify(next));
  return next;
}

export function deleteSavedView(storage: Storage, name: string): SavedView[] {
  const next = loadSavedViews(storage).filter((v) => v.name !== name);
  storage.setItem(KEY, JSON.stringify(next));
  return next;
}

function storeSavedViews(storage: Storage, views: SavedView[]): SavedView[] {
  storage.setItem(KEY, JSON.stringify(views));
  return views;
}

export interface SavedViewsList {
  views: SavedView[];
  /** True when the list comes from this browser because the server could not be reached. */
  offline: boolean;
}

export interface SavedViewsStore {
  load(): Promise<SavedViewsList>;
  save(name: string, hash: string): Promise<SavedViewsList>;
  remove(name: string): Promise<SavedViewsList>;
}

const offlineOnly = (error: unknown) => error instanceof ApiError && error.code === 'NETWORK_ERROR';

/** Saved views through the API (editor token to save or delete), localStorage when offline. */
export function createSavedViewsStore(
  api: SavedViewsApi,
  storage: Storage,
  token: () => string | null,
): SavedViewsStore {
  const fromServer = async (): Promise<SavedViewsList> => ({
    views: storeSavedViews(storage, await api.savedViews({ token: token() })),
    offline: false,
  });
  const fallback = async (
    work: () => Promise<unknown>,
    offline: () => SavedView[],
  ): Promise<SavedViewsList> => {
    try {
      await work();
      return await fromServer();
    } catch (error) {
      if (!offlineOnly(error)) throw error;
      return { views: offline(), offline: true };
    }
  };
  return {
    load: () =>
      fallback(
        async () => {},
        () => loadSavedViews(storage),
      ),
    save: (name, hash) =>
      fallback(
        () => api.saveView(name, hash, { token: token() }),
        () => saveView(storage, name, hash),
      ),
    remove: (name) =>
      fallback(
        () => api.deleteSavedView(name, { token: token() }),
        () => deleteSavedView(storage, name),
      ),
  };
}

const TOKEN_KEY = 'linkage.editorToken';

export const loadToken = (storage: Storage): string | null => storage.getItem(TOKEN_KEY) || null;

export function storeToken(storage: Storage, token: string | null): void {
  if (token) storage.setItem(TOKEN_KEY, token);
  else storage.removeItem(TOKEN_KEY);
}
