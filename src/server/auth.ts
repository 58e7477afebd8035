import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { BitextError } from '../core/errors.js';
import { hashToken, type Role, roleAllows, type ServerState } from './state/server-state.js';

// Who is asking: a Bearer token (the admin token, or one made with `bitext token create`), or the
// session cookie that opening `/?token=…` sets. A cookie is sent by the browser on its own, so a write
// with it must also carry the session's CSRF token in X-CSRF-Token (the synchronizer-token pattern,
// OWASP CSRF cheat sheet); the page reads it from GET /api/session, which another site cannot.

export const SESSION_COOKIE = 'bitext_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Caller {
  role: Role;
  via: 'bearer' | 'cookie';
  csrf?: string;
}

export type AuthEnv = { Variables: { caller: Caller } };

interface Session {
  role: Role;
  csrf: string;
  /** The stored token it was opened with (revoking it ends the session); undefined for the admin token. */
  tokenId?: string;
}

export class Authenticator {
  private readonly adminHash: Buffer;
  private readonly sessions = new Map<string, Session>();

  constructor(
    adminToken: string,
    private readonly state: ServerState,
  ) {
    this.adminHash = Buffer.from(hashToken(adminToken), 'hex');
  }

  /** What a token is: its role, and its stored id (none for the admin token); undefined when it is no token of ours. */
  identify(token: string): { role: Role; tokenId?: string } | undefined {
    const hash = Buffer.from(hashToken(token), 'hex');
    if (timingSafeEqual(hash, this.adminHash)) return { role: 'admin' };
    const stored = this.state.findToken(token);
    return stored && { role: stored.role, tokenId: stored.id };
  }

  /** A new session for a token: the cookie value and its CSRF token; undefined for a wrong token. */
  openSession(token: string): { id: string; csrf: string } | undefined {
    const identity = this.identify(token);
    if (!identity) return undefined;
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    this.sessions.set(id, { ...identity, csrf });
    return { id, csrf };
  }

  /** The caller of a request; undefined when it brings no credentials; UNAUTHORIZED when they are wrong. */
  callerOf(c: Context): Caller | undefined {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new BitextError('UNAUTHORIZED', 'the Authorization header must be "Bearer <token>"');
      const identity = this.identify(match[1]!);
      if (!identity)
        throw new BitextError('UNAUTHORIZED', 'the token is not valid (revoked, or never issued)');
      return { role: identity.role, via: 'bearer' };
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie === undefined) return undefined;
    const session = this.sessions.get(cookie);
    if (session?.tokenId !== undefined && !this.state.hasToken(session.tokenId)) this.sessions.delete(cookie);
    if (!session || !this.sessions.has(cookie))
      throw new BitextError('UNAUTHORIZED', 'the session has expired: open the link with ?token= again');
    return { role: session.role, via: 'cookie', csrf: session.csrf };
  }

  /** Middleware: the caller must have at least `role`; writes through the cookie need the CSRF header. */
  require(role: Role): MiddlewareHandler<AuthEnv> {
    return async (c, next) => {
      const caller = this.callerOf(c);
      if (!caller) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new BitextError('UNAUTHORIZED', 'a token is needed: Authorization: Bearer <token>');
      }
      if (!roleAllows(caller.role, role))
        throw new BitextError('FORBIDDEN', `this needs the ${role} role; the token has ${caller.role}`);
      const method = c.req.method;
      if (caller.via === 'cookie' && method !== 'GET' && method !== 'HEAD') {
        const sent = c.req.header(CSRF_HEADER) ?? '';
        if (!safeEqual(sent, caller.csrf!))
          throw new BitextError(
            'CSRF_FAILED',
            `a write with the session cookie needs the ${CSRF_HEADER} header of GET /api/session`,
          );
      }
      c.set('caller', caller);
      await next();
    };
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
