import { type Alignment, type AlignmentSummary, get, type Job, send } from './api.js';
import { diffAgainst } from './diff.js';
import { fill, h, marked } from './dom.js';

// The pages around the review: upload or paste, the list of alignments, TM search, the QA report and
// the term list.

const errorLine = (error: unknown) =>
  h('p', { class: 'status error', role: 'alert' }, (error as Error).message);

export function alignPage(root: HTMLElement, editable: boolean): void {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const go = async (body: FormData | object) => {
    status.textContent = 'Aligning…';
    try {
      // As a job, so a long document shows the aligner's passes as they finish.
      let job = await send<Job>('POST', '/api/align?async', body);
      while (job.status === 'running') {
        const { done, total } = job.progress;
        status.textContent = total ? `Aligning: pass ${done} of ${total} done…` : 'Aligning…';
        await new Promise((resolve) => setTimeout(resolve, 300));
        job = await get<Job>(`/api/jobs/${job.id}`);
      }
      if (job.status === 'failed') throw new Error(job.error?.message ?? 'the alignment failed');
      const alignment = job.result as Alignment;
      location.hash = `#/review/${alignment.id}`;
    } catch (error) {
      fill(status, (error as Error).message);
      status.className = 'status error';
    }
  };
  const file = h('input', { type: 'file', name: 'file', id: 'file', 'aria-label': 'bilingual document' });
  const zhFile = h('input', { type: 'file', name: 'zh', id: 'zh-file', 'aria-label': 'Chinese file' });
  const enFile = h('input', { type: 'file', name: 'en', id: 'en-file', 'aria-label': 'English file' });
  const text = h('textarea', {
    id: 'paste',
    rows: 12,
    'aria-label': 'bilingual text',
    placeholder: '中文段落……\n\nThe English paragraphs…',
  });
  fill(
    root,
    h('h1', {}, 'Align a document'),
    editable
      ? null
      : h('p', { class: 'status error' }, 'This token may only read: aligning needs an editor token.'),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const form = new FormData();
          if (file.files?.[0]) form.set('file', file.files[0]);
          else if (zhFile.files?.[0] && enFile.files?.[0]) {
            form.set('zh', zhFile.files[0]);
            form.set('en', enFile.files[0]);
          } else {
            status.textContent = 'Choose a document, or one file per language.';
            return;
          }
          void go(form);
        },
      },
      h('h2', {}, 'Upload'),
      h(
        'p',
        { class: 'hint' },
        'Text, web page, Word, PDF, Excel or CSV of zh|en rows, TMX or XLIFF: both languages in one file…',
      ),
      h('label', { for: 'file' }, 'Document '),
      file,
      h('p', { class: 'hint' }, '…or one file per language:'),
      h('label', { for: 'zh-file' }, '中文 '),
      zhFile,
      h('label', { for: 'en-file' }, ' English '),
      enFile,
      h('p', {}, h('button', { type: 'submit', class: 'primary', id: 'upload' }, 'Upload and align')),
    ),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void go({ text: text.value, name: 'pasted text' });
        },
      },
      h('h2', {}, 'Paste'),
      h('label', { for: 'paste' }, 'Chinese and English paragraphs, in either order'),
      text,
      h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Align')),
    ),
    status,
  );
}

export async function listPage(root: HTMLElement): Promise<void> {
  const alignments = await get<AlignmentSummary[]>('/api/alignments');
  fill(
    root,
    h('h1', {}, 'Alignments'),
    alignments.length === 0
      ? h('p', {}, 'None yet: ', h('a', { href: '#/' }, 'align a document'), '.')
      : h(
          'table',
          { class: 'list' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, 'Document'),
              h('th', {}, 'Progress'),
              h('th', {}, 'Changed'),
              h('th', {}, ''),
            ),
          ),
          h(
            'tbody',
            {},
            ...alignments.map((a) =>
              h(
                'tr',
                {},
                h('td', {}, h('a', { href: `#/review/${a.id}` }, a.name)),
                h(
                  'td',
                  {},
                  h('progress', { max: a.progress.total, value: a.progress.confirmed }),
                  ` ${a.progress.confirmed} of ${a.progress.total} confirmed`,
                ),
                h('td', {}, new Date(a.updatedAt).toLocaleString()),
                h('td', {}, h('a', { href: `#/qa/${a.id}` }, 'QA')),
              ),
            ),
          ),
        ),
  );
}

interface Match {
  score: number;
  zh: string;
  en: string;
  unit: { document: string | null; meta?: { props?: Array<{ type: string; value: string }> } };
}
interface Hit {
  unit: { zh: string; en: string; document: string | null };
  lang: 'zh' | 'en';
  start: number;
  end: number;
}

export function tmPage(root: HTMLElement, initial = ''): void {
  const query = h('input', {
    type: 'search',
    id: 'tm-query',
    value: initial,
    'aria-label': 'segment or term',
    size: 60,
  });
  const results = h('div', { class: 'results' });
  const search = async () => {
    const q = query.value.trim();
    if (!q) return;
    try {
      const [matches, hits] = await Promise.all([
        get<Match[]>(`/api/tm/lookup?q=${encodeURIComponent(q)}&min=50&limit=10`),
        get<Hit[]>(`/api/tm/search?q=${encodeURIComponent(q)}&limit=20`),
      ]);
      const queryIsZh = /\p{Script=Han}/u.test(q);
      fill(
        results,
        h('h2', {}, `Matches (${matches.length})`),
        matches.length === 0 ? h('p', {}, 'No match of 50% or more.') : null,
        ...matches.map((m) => {
          const source = queryIsZh ? m.zh : m.en;
          const status = m.unit.meta?.props?.find((p) => p.type === 'x-status')?.value;
          return h(
            'div',
            { class: 'match' },
            h('span', { class: `score ${m.score === 100 ? 'full' : ''}` }, `${m.score}%`),
            h(
              'div',
              {},
              h(
                'p',
                { lang: queryIsZh ? 'zh' : 'en', class: 'source' },
                ...diffAgainst(q, source).map((part) =>
                  part.same ? part.text : h('mark', { class: 'diff' }, part.text),
                ),
              ),
              h('p', { lang: queryIsZh ? 'en' : 'zh' }, queryIsZh ? m.en : m.zh),
              h('p', { class: 'hint' }, [m.unit.document, status].filter(Boolean).join(' · ')),
            ),
          );
        }),
        h('h2', {}, `Concordance (${hits.length})`),
        ...hits.map((hit) =>
          h(
            'div',
            { class: 'hit' },
            h('p', { lang: 'zh' }, ...(hit.lang === 'zh' ? marked(hit.unit.zh, [hit]) : [hit.unit.zh])),
            h('p', { lang: 'en' }, ...(hit.lang === 'en' ? marked(hit.unit.en, [hit]) : [hit.unit.en])),
          ),
        ),
      );
    } catch (error) {
      fill(results, errorLine(error));
    }
  };
  fill(
    root,
    h('h1', {}, 'Translation memory'),
    h(
      'form',
      {
        class: 'card',
        onsubmit: (event: Event) => {
          event.preventDefault();
          void search();
        },
      },
      h('label', { for: 'tm-query' }, 'Look up a segment, or find a term in either language '),
      query,
      h('button', { type: 'submit', class: 'primary' }, 'Search'),
    ),
    results,
  );
  query.focus();
  if (initial) void search();
}

interface Finding {
  check: string;
  severity: string;
  message: string;
  hint: string;
  pair: number;
  zh: { text: string; spans: Array<{ start: number; end: number }> };
  en: { text: string; spans: Array<{ start: number; end: number }> };
}

export async function qaPage(root: HTMLElement, id: string): Promise<void> {
  const [alignment, run] = await Promise.all([
    get<Alignment>(`/api/alignments/${id}`),
    get<{ findings: Finding[]; pairs: number }>(`/api/alignments/${id}/qa`),
  ]);
  fill(
    root,
    h('h1', {}, `QA: ${alignment.name}`),
    h(
      'p',
      {},
      `${run.findings.length} findings in ${run.pairs} pairs. `,
      h('a', { href: `#/review/${id}` }, 'Back to the review'),
    ),
    ...run.findings.map((f) =>
      h(
        'article',
        { class: `finding ${f.severity}` },
        h(
          'h2',
          {},
          h('span', { class: 'severity' }, f.severity),
          ` ${f.check}: ${f.message} `,
          h('a', { href: `#/review/${id}/${f.pair}`, class: 'pair-link' }, `pair ${f.pair + 1}`),
        ),
        h('p', { lang: 'zh' }, ...marked(f.zh.text, f.zh.spans)),
        h('p', { lang: 'en' }, ...marked(f.en.text, f.en.spans)),
        h('p', { class: 'hint' }, f.hint),
      ),
    ),
  );
}

interface TermPair {
  zh: string;
  en: string;
  kind?: string;
  score?: number;
}

export async function termsPage(root: HTMLElement, id: string | undefined, editable: boolean): Promise<void> {
  const [termbase, extracted] = await Promise.all([
    get<Array<TermPair & { status: string }>>('/api/terms'),
    id ? get<TermPair[]>(`/api/alignments/${id}/terms`) : Promise.resolve([]),
  ]);
  const known = new Set(termbase.map((t) => `${t.zh}\t${t.en}`));
  const status = h('p', { class: 'status', role: 'status' });
  fill(
    root,
    h('h1', {}, 'Terms'),
    status,
    id
      ? h(
          'section',
          {},
          h('h2', {}, 'Found in this alignment'),
          h(
            'table',
            { class: 'list' },
            h(
              'tbody',
              {},
              ...extracted.map((t) => {
                const accept = h(
                  'button',
                  { type: 'button', disabled: !editable || known.has(`${t.zh}\t${t.en}`) },
                  known.has(`${t.zh}\t${t.en}`) ? 'In the termbase' : 'Accept',
                );
                accept.addEventListener('click', async () => {
                  try {
                    await send('POST', '/api/terms', { zh: t.zh, en: t.en, kind: t.kind });
                    accept.textContent = 'In the termbase';
                    accept.disabled = true;
                  } catch (error) {
                    status.textContent = (error as Error).message;
                  }
                });
                return h(
                  'tr',
                  {},
                  h('td', { lang: 'zh' }, t.zh),
                  h('td', { lang: 'en' }, t.en),
                  h('td', {}, t.kind ?? ''),
                  h('td', {}, accept),
                );
              }),
            ),
          ),
        )
      : null,
    h('h2', {}, `Termbase (${termbase.length})`),
    h(
      'table',
      { class: 'list' },
      h(
        'tbody',
        {},
        ...termbase.map((t) =>
          h(
            'tr',
            {},
            h('td', { lang: 'zh' }, t.zh),
            h('td', { lang: 'en' }, t.en),
            h('td', {}, t.kind ?? ''),
            h('td', {}, t.status),
          ),
        ),
      ),
    ),
  );
}
