// npm run token -- create --role editor --name alice [--expires-days 30]
// npm run token -- list
// npm run token -- revoke --name alice   (a running server refuses the token within a second)
import { parseArgs } from 'node:util';
import { issueToken, readTokenFile, revokeToken, ROLES, type Role } from '../server/auth/tokens.ts';
import { configOrExit } from './connect.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string', default: 'editor' },
    name: { type: 'string' },
    'expires-days': { type: 'string' },
  },
});
const config = configOrExit();
const command = positionals[0];
if (command === 'list') {
  for (const t of readTokenFile(config.auth.tokensFile))
    console.log(`${t.name}\t${t.role}\tcreated ${t.createdAt}\texpires ${t.expiresAt ?? 'never'}`);
} else if (command === 'revoke') {
  if (!values.name) {
    console.error('usage: npm run token -- revoke --name <name>');
    process.exit(64);
  }
  if (!revokeToken(config.auth.tokensFile, values.name)) {
    console.error(`no token named "${values.name}" in ${config.auth.tokensFile}`);
    process.exit(1);
  }
  console.error(`token "${values.name}" revoked`);
} else if (command === 'create') {
  const role = values.role as Role;
  if (!ROLES.includes(role)) {
    console.error(`--role must be one of ${ROLES.join(', ')}`);
    process.exit(64);
  }
  const name = values.name ?? `${role}-${Date.now().toString(36)}`;
  const days = values['expires-days'] ? Number(values['expires-days']) : null;
  if (days !== null && !(days > 0)) {
    console.error('--expires-days must be a positive number');
    process.exit(64);
  }
  console.log(issueToken(config.auth.tokensFile, { name, role, expiresInDays: days }));
  console.error(
    `(token "${name}" with role ${role} stored as a hash in ${config.auth.tokensFile}; this is the only time it is shown)`,
  );
} else {
  console.error(
    'usage: npm run token -- create --role <reader|editor|admin> --name <name> [--expires-days N] | list | revoke --name <name>',
  );
  process.exit(64);
}
