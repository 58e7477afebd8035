import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/open-store.js';
import type { Aligner } from './align-pool.js';
import type { Authenticator } from './auth.js';
import type { Jobs } from './jobs.js';
import type { ServerState } from './state/server-state.js';

/** What createApp is given: the store, the server's own state, the aligner pool, the admin token. */
export interface AppOptions {
  store: Store;
  state: ServerState;
  aligner: Aligner;
  /** $BITEXT_TOKEN, or the one the server generated and printed. */
  adminToken: string;
  /** Largest request body (uploads, imports); a larger one is refused with 413 before it is read. Default 256 MiB, as the CLI's inputs. */
  maxUploadBytes?: number;
  /** The built review UI (index.html, app.js, app.css); default: dist/ui next to the package. */
  uiDir?: string;
}

/** What the routes get. */
export interface ServerDeps extends AppOptions {
  auth: Authenticator;
  uploadLimit: MiddlewareHandler;
  jobs: Jobs;
}
