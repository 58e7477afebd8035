import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { BitextError } from '../core/errors.js';
import { openStore } from '../store/open-store.js';
import { createAlignPool } from './align-pool.js';
import { createApp } from './app.js';
import { newTokenSecret, ServerState } from './state/server-state.js';

export interface ServeOptions {
  /** The store: a SQLite path or a postgres:// URL. */
  db: string;
  host: string;
  /** 0 takes a free port. */
  port: number;
  /** Where tokens and alignments under review are kept. */
  stateDir: string;
  /** $BITEXT_TOKEN; a token is generated when absent. */
  adminToken?: string;
  cwd?: string;
  maxUploadBytes?: number;
  uiDir?: string;
  /** Alignment worker threads (default: cores − 1, at least 1). */
  workers?: number;
}

export interface RunningServer {
  /** http://HOST:PORT */
  url: string;
  /** The link that signs a browser in: with ?token= when the token was generated. */
  link: string;
  adminToken: string;
  close(): Promise<void>;
}

/** Opens the store, starts the aligner pool and listens: what `bitext serve` and the load benchmark run. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore(options.db, { mode: 'write', cwd: options.cwd });
  const aligner = createAlignPool(options.workers);
  const adminToken = options.adminToken || newTokenSecret();
  const app = createApp({
    store,
    state: new ServerState(options.stateDir),
    aligner,
    adminToken,
    maxUploadBytes: options.maxUploadBytes,
    uiDir: options.uiDir,
  });
  try {
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () =>
        resolve(started),
      );
      started.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
            ? new BitextError(
                'SERVER_CANNOT_LISTEN',
                `cannot listen on ${options.host}:${options.port} (${error.code})`,
              )
            : error,
        ),
      );
    });
    const { port } = server.address() as AddressInfo;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    const url = `http://${host}:${port}`;
    return {
      url,
      link: options.adminToken ? `${url}/` : `${url}/?token=${adminToken}`,
      adminToken,
      async close() {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
        await closed;
        await aligner.close();
        await store.close();
      },
    };
  } catch (error) {
    await aligner.close();
    await store.close();
    throw error;
  }
}
