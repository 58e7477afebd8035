import { VERSION } from '../version.js';
import { OPERATION_NAMES } from './review/operations.js';

// The API as OpenAPI 3.0: written here by hand next to the routes, checked by swagger-parser and by a
// test that every route of the app is in it and every path in it is a route (server-api.test.ts).

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const ok = (description: string, schema: Schema = { type: 'object' }) => ({
  description,
  content: json(schema),
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/E${s}` }]));
const query = (name: string, description: string, schema: Schema = { type: 'string' }, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const asyncParam = {
  name: 'async',
  in: 'query',
  required: false,
  description: 'present: answer 202 with a job at once (GET /api/jobs/{id} for progress and result)',
  schema: { type: 'string' },
};
const alignmentId = path('id', 'the alignment id (a UUID)');
const upload = (fields: Record<string, string>) => ({
  'multipart/form-data': {
    schema: {
      type: 'object',
      properties: Object.fromEntries(
        Object.entries(fields).map(([name, description]) => [
          name,
          { type: 'string', format: 'binary', description },
        ]),
      ),
    },
  },
});

const ERROR_STATUS: Record<number, string> = {
  400: 'bad request: the body, a parameter or an uploaded file is wrong (the code says which)',
  401: 'no token, or a wrong one',
  403: 'the token has too low a role, or a cookie write came without the CSRF header',
  404: 'no such alignment, document, token or route',
  409: 'a conflict: the alignment changed since the version given, or a reference names several documents',
  413: 'the body is larger than the upload limit (refused before it is read)',
  415: 'the body is not of a type this route reads',
};

export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: {
      title: 'bitext serve',
      version: VERSION,
      description:
        'Chinese–English alignment, review, translation memory, terms and QA. Every route but /api/health and /openapi.json needs a token (Authorization: Bearer, or the session cookie from /?token=… with the X-CSRF-Token header on writes). Roles: viewer reads, editor writes, admin manages tokens and deletes.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      '/openapi.json': {
        get: { summary: 'this document', security: [], responses: { 200: ok('the OpenAPI document') } },
      },
      '/api/health': {
        get: {
          summary: 'liveness, the store and the aligner queue',
          security: [],
          responses: { 200: ok('running', ref('Health')) },
        },
      },
      '/api/session': {
        get: {
          summary: "the caller's role, and the CSRF token of a cookie session",
          responses: {
            200: ok('the session', {
              type: 'object',
              properties: { role: ref('Role'), csrf: { type: 'string' } },
            }),
            ...errors(401),
          },
        },
      },
      '/api/align': {
        post: {
          summary: 'align a document (editor); stored for review',
          requestBody: {
            required: true,
            content: {
              ...json({
                oneOf: [
                  {
                    type: 'object',
                    required: ['text'],
                    properties: { text: { type: 'string' }, name: { type: 'string' } },
                  },
                  {
                    type: 'object',
                    required: ['zh', 'en'],
                    properties: { zh: { type: 'string' }, en: { type: 'string' }, name: { type: 'string' } },
                  },
                ],
              }),
              ...upload({
                file: 'one bilingual document: text, web page, .docx, PDF, .xlsx, CSV, TMX, XLIFF',
                zh: 'or the Chinese side…',
                en: '…and the English side',
              }),
            },
          },
          parameters: [asyncParam],
          responses: {
            201: ok('the stored alignment', ref('Alignment')),
            ...errors(400, 401, 403, 413, 415),
          },
        },
      },
      '/api/jobs/{id}': {
        parameters: [path('id', 'the job id')],
        get: {
          summary: "a job's progress, then its result or error",
          responses: { 200: ok('the job', ref('Job')), ...errors(401, 404) },
        },
      },
      '/api/alignments': {
        get: {
          summary: 'alignments under review, newest first, with progress',
          responses: {
            200: ok('the list', { type: 'array', items: ref('AlignmentSummary') }),
            ...errors(401),
          },
        },
      },
      '/api/alignments/{id}': {
        parameters: [alignmentId],
        get: {
          summary: 'an alignment',
          responses: { 200: ok('the alignment', ref('Alignment')), ...errors(401, 404) },
        },
        delete: {
          summary: 'delete an alignment (admin)',
          responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404) },
        },
      },
      '/api/alignments/{id}/operations': {
        parameters: [alignmentId],
        post: {
          summary:
            'apply review operations (editor): shift, pop, merge, split, insert-empty, swap, edit, split-sentence, join-sentences, confirm, unconfirm, confirm-above, confirm-all, realign (between the confirmed beads), undo, redo; the path is re-scored after each change',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['operations'],
              properties: {
                version: {
                  type: 'integer',
                  description: 'refuse (409) unless the alignment is at this version',
                },
                operations: { type: 'array', minItems: 1, items: ref('Operation') },
              },
            }),
          },
          responses: {
            200: ok('the alignment after the operations', ref('Alignment')),
            ...errors(400, 401, 403, 404, 409, 415),
          },
        },
      },
      '/api/alignments/{id}/confirm': {
        parameters: [alignmentId],
        post: {
          summary: 'confirm every bead (editor)',
          responses: { 200: ok('the alignment', ref('Alignment')), ...errors(401, 403, 404) },
        },
      },
      '/api/alignments/{id}/save': {
        parameters: [alignmentId],
        post: {
          summary:
            'save to the TM (editor): confirmed pairs as approved, the rest pending (TMX prop x-status)',
          responses: { 200: ok('what the TM stored', ref('AddResult')), ...errors(401, 403, 404) },
        },
      },
      '/api/alignments/{id}/export': {
        parameters: [
          alignmentId,
          query('format', 'tmx (default), xlsx or tsv', { type: 'string', enum: ['tmx', 'xlsx', 'tsv'] }),
        ],
        get: {
          summary: 'the pairs with source ids, confidence and status',
          responses: { 200: { description: 'the file' }, ...errors(400, 401, 404) },
        },
      },
      '/api/alignments/{id}/qa': {
        parameters: [alignmentId],
        get: {
          summary: "QA findings; each finding's pair is a bead index",
          responses: { 200: ok('findings', ref('QaRun')), ...errors(401, 404) },
        },
      },
      '/api/alignments/{id}/terms': {
        parameters: [alignmentId],
        get: {
          summary: 'term pairs extracted from the alignment',
          responses: {
            200: ok('term pairs', { type: 'array', items: { type: 'object' } }),
            ...errors(401, 404),
          },
        },
      },
      '/api/qa': {
        post: {
          summary: 'QA on a document (aligned first) or a file of pairs (.tsv, .jsonl, TMX, XLIFF)',
          requestBody: {
            required: true,
            content: {
              ...json({ type: 'object', required: ['text'], properties: { text: { type: 'string' } } }),
              ...upload({ file: 'the document' }),
            },
          },
          responses: { 200: ok('findings', ref('QaRun')), ...errors(400, 401, 413, 415) },
        },
      },
      '/api/terms/extract': {
        post: {
          summary: 'term pairs of a document',
          requestBody: {
            required: true,
            content: {
              ...json({ type: 'object', required: ['text'], properties: { text: { type: 'string' } } }),
              ...upload({ file: 'the document' }),
            },
          },
          responses: {
            200: ok('term pairs', { type: 'array', items: { type: 'object' } }),
            ...errors(400, 401, 413, 415),
          },
        },
      },
      '/api/terms': {
        get: {
          summary: 'the termbase',
          parameters: [
            query('status', 'preferred, admitted or forbidden'),
            query('zh', 'entries whose Chinese contains this'),
          ],
          responses: {
            200: ok('entries', { type: 'array', items: { type: 'object' } }),
            ...errors(400, 401),
          },
        },
        post: {
          summary: 'accept a term into the termbase (editor)',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['zh', 'en'],
              properties: {
                zh: { type: 'string' },
                en: { type: 'string' },
                kind: { type: 'string' },
                status: { type: 'string', enum: ['preferred', 'admitted', 'forbidden'] },
              },
            }),
          },
          responses: {
            200: ok('updated', ref('TermAddResult')),
            201: ok('added', ref('TermAddResult')),
            ...errors(400, 401, 403, 415),
          },
        },
      },
      '/api/terms/{id}': {
        parameters: [path('id', 'the entry id')],
        delete: {
          summary: 'remove a termbase entry (admin)',
          responses: { 204: { description: 'removed' }, ...errors(401, 403, 404) },
        },
      },
      '/api/tm/lookup': {
        get: {
          summary: 'fuzzy matches, best first, with a 0–100 score',
          parameters: [
            query('q', 'the segment', { type: 'string' }, true),
            query('lang', 'zh or en (default: detected)', { type: 'string', enum: ['zh', 'en'] }),
            query('min', 'lowest score (default 70)', { type: 'number' }),
            query('limit', 'at most this many (default 5)', { type: 'integer' }),
          ],
          responses: { 200: ok('matches', { type: 'array', items: ref('Match') }), ...errors(400, 401) },
        },
      },
      '/api/tm/search': {
        get: {
          summary: 'concordance in either language',
          parameters: [
            query('q', 'the term', { type: 'string' }, true),
            query('lang', 'zh or en'),
            query('limit', 'at most this many (default 20)', { type: 'integer' }),
          ],
          responses: { 200: ok('hits', { type: 'array', items: { type: 'object' } }), ...errors(400, 401) },
        },
      },
      '/api/tm/documents': {
        get: {
          summary: 'the documents of the TM',
          responses: { 200: ok('documents', { type: 'array', items: { type: 'object' } }), ...errors(401) },
        },
      },
      '/api/tm/documents/{ref}': {
        parameters: [path('ref', 'the document id or name')],
        delete: {
          summary: 'delete a document and its units (admin)',
          responses: { 200: ok('the deleted document'), ...errors(401, 403, 404, 409) },
        },
      },
      '/api/tm/stats': {
        get: {
          summary: 'units, documents, languages, size',
          responses: { 200: ok('stats'), ...errors(401) },
        },
      },
      '/api/tm/import': {
        post: {
          summary: 'import a TMX, TSV or XLIFF file (editor), all or nothing',
          requestBody: { required: true, content: upload({ file: 'the file' }) },
          parameters: [asyncParam],
          responses: {
            200: ok('what was stored', ref('AddResult')),
            202: ok('with ?async: the job (GET /api/jobs/{id})', ref('Job')),
            ...errors(400, 401, 403, 413, 415),
          },
        },
      },
      '/api/tm/export': {
        get: {
          summary: 'the TM or a part of it in one format',
          parameters: [
            query('format', 'tmx (default), tsv, xliff, xliff2, jsonl, xlsx', {
              type: 'string',
              enum: ['tmx', 'tsv', 'xliff', 'xliff2', 'jsonl', 'xlsx'],
            }),
            query('document', 'a document id or name'),
            query('since', 'units created at or after (ISO 8601)'),
            query('until', 'units created before (ISO 8601)'),
            query('minConfidence', 'lowest confidence, 0–1', { type: 'number' }),
            query('zhLang', 'only this Chinese tag'),
            query('enLang', 'only this English tag'),
          ],
          responses: { 200: { description: 'the file' }, ...errors(400, 401, 404, 409) },
        },
      },
      '/api/tokens': {
        get: {
          summary: 'the tokens (admin), without their secrets',
          responses: { 200: ok('tokens', { type: 'array', items: ref('Token') }), ...errors(401, 403) },
        },
        post: {
          summary: 'create a token (admin); the secret is shown once',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['role'],
              properties: { role: ref('Role'), label: { type: 'string' } },
            }),
          },
          responses: { 201: ok('the token with its secret', ref('Token')), ...errors(400, 401, 403, 415) },
        },
      },
      '/api/tokens/{id}': {
        parameters: [path('id', 'the token id')],
        delete: {
          summary: 'revoke a token (admin)',
          responses: { 204: { description: 'revoked' }, ...errors(401, 403, 404) },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'bitext_session' },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_STATUS).map(([status, description]) => [
          `E${status}`,
          { description, content: json(ref('Error')) },
        ]),
      ),
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  type: 'string',
                  description:
                    'the CLI error code, e.g. USAGE, TSV_MALFORMED, UNAUTHORIZED, VERSION_CONFLICT',
                },
                message: { type: 'string' },
                location: {
                  type: 'object',
                  properties: {
                    file: { type: 'string' },
                    line: { type: 'integer' },
                    column: { type: 'integer' },
                    offset: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
        Role: { type: 'string', enum: ['viewer', 'editor', 'admin'] },
        Job: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            kind: { type: 'string', enum: ['align', 'import'] },
            status: { type: 'string', enum: ['running', 'done', 'failed'] },
            progress: {
              type: 'object',
              properties: {
                phase: { type: 'string' },
                done: { type: 'integer' },
                total: { type: 'integer' },
              },
            },
            result: { type: 'object', description: 'when done: what the request without ?async answers' },
            error: {
              type: 'object',
              description: 'when failed: the error, with the status it would have had',
            },
            createdAt: { type: 'string' },
          },
        },
        Health: {
          type: 'object',
          properties: {
            status: { type: 'string' },
            version: { type: 'string' },
            store: { type: 'object' },
            aligner: { type: 'object' },
          },
        },
        Sentence: {
          type: 'object',
          required: ['text', 'source'],
          properties: {
            text: { type: 'string' },
            source: { type: 'integer', nullable: true },
            paragraph: { type: 'integer' },
            position: ref('SourcePosition'),
          },
        },
        SourcePosition: {
          type: 'object',
          description:
            "Where a sentence stands in its file, in its format's terms (1-based): line/column, page/line, paragraph, table/row/column, sheet/row/column, unit/tuid; start/end are its characters in the paragraph as read",
        },
        Bead: {
          type: 'object',
          properties: {
            zh: { type: 'array', items: ref('Sentence') },
            en: { type: 'array', items: ref('Sentence') },
            confidence: {
              type: 'number',
              nullable: true,
              description: 'null once an edit reshaped the bead',
            },
            status: { type: 'string', enum: ['pending', 'confirmed'] },
          },
        },
        Pair: {
          type: 'object',
          properties: {
            bead: { type: 'integer' },
            zh: { type: 'string' },
            en: { type: 'string' },
            confidence: { type: 'number', nullable: true },
            status: { type: 'string' },
            zhIds: { type: 'array', items: { type: 'integer', nullable: true } },
            enIds: { type: 'array', items: { type: 'integer', nullable: true } },
            zhSources: { type: 'array', items: ref('SourcePosition') },
            enSources: { type: 'array', items: ref('SourcePosition') },
          },
        },
        AlignmentSummary: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            createdAt: { type: 'string' },
            updatedAt: { type: 'string' },
            version: { type: 'integer' },
            progress: {
              type: 'object',
              properties: { confirmed: { type: 'integer' }, total: { type: 'integer' } },
            },
          },
        },
        Alignment: {
          allOf: [
            ref('AlignmentSummary'),
            {
              type: 'object',
              properties: {
                format: { type: 'string' },
                layout: { type: 'string' },
                canUndo: { type: 'boolean' },
                canRedo: { type: 'boolean' },
                beads: { type: 'array', items: ref('Bead') },
                pairs: { type: 'array', items: ref('Pair') },
              },
            },
          ],
        },
        Operation: {
          type: 'object',
          required: ['op'],
          properties: {
            op: {
              type: 'string',
              enum: [...OPERATION_NAMES, 'realign', 'undo', 'redo'],
            },
            bead: { type: 'integer' },
            side: { type: 'string', enum: ['zh', 'en'] },
            sentence: { type: 'integer' },
            text: { type: 'string' },
            at: { type: 'integer' },
            zhAt: { type: 'integer' },
            enAt: { type: 'integer' },
          },
        },
        Match: {
          type: 'object',
          properties: {
            score: { type: 'number' },
            zh: { type: 'string' },
            en: { type: 'string' },
            numbers: { type: 'array', items: { type: 'object' } },
            unit: { type: 'object' },
          },
        },
        QaRun: {
          type: 'object',
          properties: { findings: { type: 'array', items: { type: 'object' } }, pairs: { type: 'integer' } },
        },
        AddResult: {
          type: 'object',
          properties: {
            read: { type: 'integer' },
            added: { type: 'integer' },
            duplicates: { type: 'integer' },
            skipped: { type: 'integer' },
            alreadyPresent: { type: 'boolean' },
            replaced: { type: 'integer' },
          },
        },
        TermAddResult: {
          type: 'object',
          properties: { added: { type: 'integer' }, updated: { type: 'integer' } },
        },
        Token: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            role: ref('Role'),
            label: { type: 'string' },
            createdAt: { type: 'string' },
            token: { type: 'string' },
          },
        },
      },
    },
  };
}
