// What one HTTP request carries across layers without threading it through every signature: the
// bookmarks its client sent (so its reads see the client's own earlier writes, even on a cluster follower)
// and a callback that receives the bookmark of each write it commits (sent back in a response header).
// AsyncLocalStorage keeps it per request; code outside a request (scripts, start-up jobs) sees none.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestConsistency {
  /** Bookmarks the client sent back: reads and writes of this request wait until the database has them. */
  bookmarks: string[];
  /** Called after each committed write of this request with the bookmarks that include it. */
  onCommit?: (bookmarks: string[]) => void;
}

const storage = new AsyncLocalStorage<RequestConsistency>();

export const withConsistency = <T>(consistency: RequestConsistency, work: () => T): T =>
  storage.run(consistency, work);

export const currentConsistency = (): RequestConsistency | undefined => storage.getStore();

/** The bookmark header's shape: comma-separated driver bookmarks ("FB:…"), bounded in count and length. */
const BOOKMARK = /^[A-Za-z0-9:+/=_.-]{1,512}$/;
const MAX_BOOKMARKS = 16;

/** The bookmarks of a header value; [] when absent; undefined when it is not a bookmark list. */
export function parseBookmarks(header: string | string[] | undefined): string[] | undefined {
  if (header === undefined || header === '') return [];
  if (Array.isArray(header)) return undefined;
  const bookmarks = header.split(',').map((b) => b.trim());
  if (bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((b) => BOOKMARK.test(b))) return undefined;
  return bookmarks;
}
