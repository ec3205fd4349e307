// npm run cypher -- <query-name>   prints the query as Neo4j runs it, with every fragment included, ready
//                                  to paste into Neo4j Browser (parameters stay $names: set them with :param).
// npm run cypher                   lists the query names.
import { loadCypherCatalog, QUERY_NAMES, type QueryName } from '../server/db/cypher.ts';

const name = process.argv[2];
if (!name) {
  console.log(QUERY_NAMES.join('\n'));
} else if (!(QUERY_NAMES as readonly string[]).includes(name)) {
  console.error(`No query "${name}"; run "npm run cypher" for the list`);
  process.exit(64);
} else {
  console.log(loadCypherCatalog()[name as QueryName]);
}
