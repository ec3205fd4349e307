// How the raw and @neo4j/graphql peers serve: an HTTP server on a free loopback port, closed together with
// its driver so a peer leaves no sockets behind between sizes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';

export interface RunningHttpPeer {
  url: string;
  close(): Promise<void>;
}

export async function servePeer(handler: http.RequestListener, driver: Driver): Promise<RunningHttpPeer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await driver.close();
    },
  };
}
