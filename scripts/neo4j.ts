// npm run neo4j: runs only the local Neo4j, with the same settings as npm start, until Ctrl-C. Supervised
// as under npm start: a JVM that dies is started again with back-off (neo4j/supervisor.ts).
import { ensureNeo4jInstalled } from '../neo4j/local-neo4j.ts';
import { localPasswordFile } from '../neo4j/credentials.ts';
import { superviseLocalNeo4j } from '../neo4j/supervisor.ts';
import { configOrExit } from './connect.ts';

const { local } = configOrExit().neo4j;
await ensureNeo4jInstalled();
const neo4j = await superviseLocalNeo4j(
  {
    dataDir: local.dataDir,
    boltPort: local.boltPort,
    pageCache: local.pageCache,
    heap: local.heap,
  },
  { onEvent: ({ message }) => console.error(`linkage: ${message}`) },
);
console.log(
  `Neo4j is running at ${neo4j.uri} (data in ${local.dataDir}); user ${neo4j.auth.user}, password in ${localPasswordFile(local.dataDir)}; Ctrl-C stops it.`,
);
const stop = async () => {
  await neo4j.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
