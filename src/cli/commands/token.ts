import { type Command, Option } from 'commander';
import { BitextError } from '../../core/errors.js';
import { ROLES, type Role, ServerState } from '../../server/state/server-state.js';
import type { CliIo } from '../io.js';
import { stateDir, withExamples, withSharedFlags } from '../options.js';

/** `bitext token`: the API tokens of `bitext serve` (viewer reads, editor writes, admin manages tokens and deletes). */
export function registerToken(program: Command, io: CliIo): void {
  const token = program
    .command('token')
    .description('manage the API tokens of `bitext serve`: create, list, revoke (stored hashed)');

  const create = token
    .command('create')
    .description('create a token with a role and print it (it is not shown again)')
    .addOption(new Option('--role <role>', 'what the token may do').choices(ROLES).makeOptionMandatory())
    .option('--label <text>', 'who or what the token is for');
  withExamples(withSharedFlags(create, { state: true }), [
    {
      command: 'bitext token create --role editor --label "Li Na"',
      says: 'prints the token once; only its hash is kept',
    },
  ]).action(async (flags: { role: Role; label?: string; state?: string; quiet?: boolean }) => {
    const { token: secret, stored } = await new ServerState(stateDir(io, flags.state)).createToken(
      flags.role,
      flags.label,
    );
    if (!flags.quiet)
      io.stderr.write(`created token ${stored.id} (${stored.role}); keep it now, it is not shown again\n`);
    io.stdout.write(`${secret}\n`);
  });

  const list = token
    .command('list')
    .description('list the tokens: id, role, label, created (never the tokens themselves)');
  withExamples(withSharedFlags(list, { format: ['text', 'json'], state: true }), [
    { command: 'bitext token list', says: 'id, role, label, created' },
    { command: 'bitext token list --format json', says: 'the same for machines' },
  ]).action((flags: { state?: string; format: string }) => {
    const tokens = new ServerState(stateDir(io, flags.state)).tokens().map(({ hash: _hash, ...t }) => t);
    if (flags.format === 'json') io.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
    else if (tokens.length === 0) io.stdout.write('no tokens\n');
    else
      for (const t of tokens)
        io.stdout.write(`${t.id}  ${t.role.padEnd(6)}  ${t.createdAt}  ${t.label ?? ''}\n`);
  });

  const revoke = token
    .command('revoke')
    .description('revoke a token: requests with it get 401 from then on')
    .argument('<id>', 'the token id as `token list` shows it, or the token itself');
  withExamples(withSharedFlags(revoke, { state: true }), [
    { command: 'bitext token revoke 3f9a12bc', says: 'by id (or by the token itself)' },
  ]).action(async (id: string, flags: { state?: string }) => {
    if (!(await new ServerState(stateDir(io, flags.state)).revokeToken(id)))
      throw new BitextError('TOKEN_NOT_FOUND', `no token "${id}" (see \`bitext token list\`)`);
    io.stdout.write(`revoked token ${id}\n`);
  });
}
