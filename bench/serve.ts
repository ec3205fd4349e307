// Child-process entry for one peer, so every peer gets its own event loop and its RSS can be read apart
// from the load generator. Prints `READY <url>` and stays up until stdin closes or SIGTERM.
import { startFloorPeer } from './peers/floor.ts';
import { startLinkagePeer } from './peers/linkage.ts';
import { startNeo4jGraphQLPeer } from './peers/neo4j-graphql.ts';
import { startRawPeer } from './peers/raw.ts';

export const PEER_NAMES = ['linkage', 'linkage-cached', 'raw', 'neo4j-graphql', 'floor'] as const;
export type PeerName = (typeof PEER_NAMES)[number];

export function startPeer(name: PeerName, uri: string) {
  switch (name) {
    case 'linkage':
      return startLinkagePeer(uri, { cacheTtlMs: 0 });
    case 'linkage-cached':
      return startLinkagePeer(uri, { cacheTtlMs: 600_000 });
    case 'raw':
      return startRawPeer(uri);
    case 'neo4j-graphql':
      return startNeo4jGraphQLPeer(uri);
    case 'floor':
      return startFloorPeer(uri);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name, uri] = process.argv.slice(2) as [PeerName, string];
  if (!PEER_NAMES.includes(name) || !uri) {
    console.error(`usage: serve.ts <${PEER_NAMES.join('|')}> <bolt uri>`);
    process.exit(64);
  }
  const peer = await startPeer(name, uri);
  const stop = async () => {
    await peer.close();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  process.once('SIGTERM', () => void stop());
  console.log(`READY ${peer.url}`);
}
