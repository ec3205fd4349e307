// The only place the client talks HTTP: POST /graphql and POST /export, and every failure becomes an
// ApiError.
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

/** POSTs a JSON body with the page's token and bookmark; only a failure to reach the server throws. */
async function postJson(endpoint: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (latestBookmark) headers[BOOKMARK_HEADER] = latestBookmark;
  const doFetch = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await doFetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    // Aborts are the caller's own doing: let them through untouched so they can be ignored.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', 'The Linkage server cannot be reached.');
  }
  latestBookmark = response.headers?.get(BOOKMARK_HEADER) ?? latestBookmark;
  return response;
}

/**
 * A file from the server's export endpoint for the given selection (the formats and their columns are the
 * server's, so a file from the explorer, a notebook or curl is the same file).
 */
export async function postExport(format: string, body: unknown, options: RequestOptions = {}): Promise<Blob> {
  const response = await postJson(`/export/${encodeURIComponent(format)}`, body, options);
  if (response.ok) return response.blob();
  let error: { code?: unknown; message?: unknown } | undefined;
  try {
    error = ((await response.json()) as { error?: typeof error }).error;
  } catch {
    // no JSON body: the status says enough
  }
  throw new ApiError(
    toErrorCode(error?.code),
    typeof error?.message === 'string' ? error.message : `The export failed with status ${response.status}.`,
    response.status,
  );
}

export async function postGraphQL<T>(
  query: string,
  variables: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await postJson(options.endpoint ?? '/graphql', { query, variables }, options);

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
