import { Hono } from 'hono';
import { BitextError } from '../../core/errors.js';
import type { AuthEnv } from '../auth.js';
import type { ServerDeps } from '../deps.js';
import { readJsonObject, stringField } from '../request-body.js';
import { ROLES, type Role } from '../state/server-state.js';

/** Token management (admin only): the same list `bitext token create/revoke` changes. Never returns hashes. */
export function tokenRoutes(deps: ServerDeps) {
  const { auth, state } = deps;
  return new Hono<AuthEnv>()
    .get('/', auth.require('admin'), (c) => c.json(state.tokens().map(({ hash: _hash, ...token }) => token)))
    .post('/', auth.require('admin'), async (c) => {
      const body = await readJsonObject(c);
      const role = stringField(body, 'role') as Role;
      if (!ROLES.includes(role))
        throw new BitextError('BAD_REQUEST', `role must be one of ${ROLES.join(', ')}`);
      const { token, stored } = await state.createToken(role, stringField(body, 'label', true));
      const { hash: _hash, ...shown } = stored;
      return c.json({ ...shown, token }, 201);
    })
    .delete('/:id', auth.require('admin'), async (c) => {
      if (!(await state.revokeToken(c.req.param('id'))))
        throw new BitextError('TOKEN_NOT_FOUND', `no token "${c.req.param('id')}"`);
      return c.body(null, 204);
    });
}
