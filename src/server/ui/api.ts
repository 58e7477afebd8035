// The page's one way to the server: the session cookie goes along by itself, and writes carry the
// session's CSRF token, which GET /api/session gives the page (and no other site).

let csrf = '';

export interface Session {
  role: 'viewer' | 'editor' | 'admin';
  csrf?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(
      response.status,
      body.error?.code ?? 'HTTP',
      body.error?.message ?? response.statusText,
    );
  } catch {
    return new ApiError(response.status, 'HTTP', response.statusText);
  }
}

export async function session(): Promise<Session | undefined> {
  const response = await fetch('/api/session');
  if (response.status === 401) return undefined;
  if (!response.ok) throw await failure(response);
  const body = (await response.json()) as Session;
  csrf = body.csrf ?? '';
  return body;
}

export async function get<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const isForm = body instanceof FormData;
  const response = await fetch(path, {
    method,
    headers: {
      'x-csrf-token': csrf,
      ...(isForm || body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: isForm ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export interface Sentence {
  text: string;
  source: number | null;
  paragraph?: number;
}
export interface Bead {
  zh: Sentence[];
  en: Sentence[];
  confidence: number | null;
  status: 'pending' | 'confirmed';
}
export interface Alignment {
  id: string;
  name: string;
  version: number;
  updatedAt: string;
  createdAt: string;
  progress: { confirmed: number; total: number };
  canUndo: boolean;
  canRedo: boolean;
  beads: Bead[];
}
export type AlignmentSummary = Omit<Alignment, 'beads' | 'canUndo' | 'canRedo'>;

export interface Job {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: { phase: string; done: number; total?: number };
  result?: unknown;
  error?: { code: string; message: string };
}
