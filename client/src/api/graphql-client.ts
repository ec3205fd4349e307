// The only place the client talks HTTP: POST /graphql, and every failure becomes an ApiError.
import { ApiError, toErrorCode } from './errors.ts';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Editor token, sent as `Authorization: Bearer` (mutations need it). */
  token?: string | null;
  /** Overridable for tests. */
  fetchImpl?: typeof fetch;
  endpoint?: string;
}

/**
 * Read-your-writes across replicas: the server answers a write with the bookmark of that write; it is sent
 * back on every later request of this page, so a read through any replica sees the page's own writes.
 */
const BOOKMARK_HEADER = 'Linkage-Bookmark';
let latestBookmark: string | null = null;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

export async function postGraphQL<T>(
  query: string,
  variables: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (latestBookmark) headers[BOOKMARK_HEADER] = latestBookmark;
  const doFetch = options.fetchImpl ?? fetch;

  let response: Response;
  try {
    response = await doFetch(options.endpoint ?? '/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: options.signal ?? null,
    });
  } catch (error) {
    // Aborts are the caller's own doing: let them through untouched so they can be ignored.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', 'The Linkage server cannot be reached.');
  }

  latestBookmark = response.headers?.get(BOOKMARK_HEADER) ?? latestBookmark;

  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    const code = response.status === 503 ? 'DATABASE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
    throw new ApiError(
      code,
      `The server answered ${response.status} without a GraphQL body.`,
      response.status,
    );
  }

  const first = body.errors?.[0];
  if (first) throw new ApiError(toErrorCode(first.extensions?.code), first.message, response.status);
  if (body.data == null)
    throw new ApiError('INTERNAL_SERVER_ERROR', 'The server returned no data.', response.status);
  return body.data;
}
