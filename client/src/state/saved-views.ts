// Named views kept in localStorage: a name and the same string the URL hash holds.
export interface SavedView {
  name: string;
  hash: string;
  savedAt: string;
}

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
  const next = [...views, { name, hash, savedAt: now.toISOString() }].sort((a, b) =>
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

const TOKEN_KEY = 'linkage.editorToken';

export const loadToken = (storage: Storage): string | null => storage.getItem(TOKEN_KEY) || null;

export function storeToken(storage: Storage, token: string | null): void {
  if (token) storage.setItem(TOKEN_KEY, token);
  else storage.removeItem(TOKEN_KEY);
}
