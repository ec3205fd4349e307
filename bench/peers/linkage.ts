// Linkage itself, started exactly as npm start does (startServer), against the bench database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { credentialsEnv, credentialsFromEnv } from '../../neo4j/credentials.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer } from '../../server/main.ts';

export async function startLinkagePeer(
  uri: string,
  options: { cacheTtlMs: number },
): Promise<{ url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-bench-tokens-'));
  const config = loadConfig({
    NEO4J_URI: uri,
    ...credentialsEnv(credentialsFromEnv()),
    PORT: '0',
    LINKAGE_TOKENS_FILE: path.join(dir, 'tokens.json'),
    LINKAGE_RESPONSE_CACHE_TTL_MS: String(options.cacheTtlMs),
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, { logger: createLogger('silent'), seed: false });
  await server.ready;
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
