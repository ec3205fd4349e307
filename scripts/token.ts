// npm run token -- create --role editor --name alice [--expires-days 30]
// npm run token -- list
// npm run token -- revoke --name alice   (every running replica refuses the token within a second)
// Tokens live in the database (hashes only), so a token made here works on every replica.
import { parseArgs } from 'node:util';
import { createToken, listTokens, revokeToken, ROLES, type Role } from '../server/auth/tokens.ts';
import { configOrExit, connect } from './connect.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string', default: 'editor' },
    name: { type: 'string' },
    'expires-days': { type: 'string' },
  },
});
const USAGE =
  'usage: npm run token -- create --role <reader|editor|admin> --name <name> [--expires-days N] | list | revoke --name <name>';
const config = configOrExit();
const command = positionals[0];

// Arguments are checked before connecting: bad input touches nothing.
const role = values.role as Role;
const days = values['expires-days'] ? Number(values['expires-days']) : null;
if (command === 'create' && !ROLES.includes(role)) {
  console.error(`--role must be one of ${ROLES.join(', ')}`);
  process.exit(64);
}
if (command === 'create' && days !== null && !(days > 0)) {
  console.error('--expires-days must be a positive number');
  process.exit(64);
}
if (command === 'revoke' && !values.name) {
  console.error('usage: npm run token -- revoke --name <name>');
  process.exit(64);
}
if (command !== 'create' && command !== 'list' && command !== 'revoke') {
  console.error(USAGE);
  process.exit(64);
}

const { db, close } = await connect(config);
let exitCode = 0;
try {
  await db.applySchema();
  if (command === 'list') {
    for (const t of await listTokens(db))
      console.log(`${t.name}\t${t.role}\tcreated ${t.createdAt}\texpires ${t.expiresAt ?? 'never'}`);
  } else if (command === 'revoke') {
    if (await revokeToken(db, values.name!)) console.error(`token "${values.name}" revoked`);
    else {
      console.error(`no live token named "${values.name}"; "npm run token -- list" shows them`);
      exitCode = 1;
    }
  } else {
    const name = values.name ?? `${role}-${Date.now().toString(36)}`;
    console.log(await createToken(db, { name, role, expiresInDays: days }));
    console.error(
      `(token "${name}" with role ${role} stored as a hash in the database; this is the only time it is shown)`,
    );
  }
} finally {
  await close();
}
process.exit(exitCode);
