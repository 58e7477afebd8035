import { type Alignment, ApiError, type Bead, get, send } from './api.js';
import { fill, h } from './dom.js';

// The review page: the alignment side by side, one row per bead, paragraph breaks drawn, each bead's
// confidence by colour; InterText's operations on single keys (the legend shows them), applied on the
// server (which keeps the undo history), so a reload or another tab sees the same state.

/** Below this the aligner was right about 57% of the time on the literary dev set (docs/accuracy.md). */
const LOW = 0.7;
/** Pairs above this were right 97.4–99.4% of the time. */
const HIGH = 0.97;

export const KEYS: ReadonlyArray<[string, string]> = [
  ['↓ j / ↑ k', 'next / previous bead'],
  ['n', 'next risky bead'],
  ['m', 'merge with the next bead'],
  ['s', 'split the bead after its first sentences'],
  ['u / U', 'shift the first 中文 / English sentence up'],
  ['d / D', 'pop the last 中文 / English sentence down'],
  ['e', 'insert empty counterparts (1-0 + 0-1)'],
  ['x', 'swap the English with the next bead'],
  ['t / T', 'edit, split or join 中文 / English sentences'],
  ['Enter', 'confirm and go to the next risky bead'],
  ['c / p', 'confirm / back to pending'],
  ['C', 'confirm this bead and all above'],
  ['r', 're-align between the confirmed beads'],
  ['z / y', 'undo / redo'],
  ['S', 'save to the TM'],
];

function unsure(bead: Bead): boolean {
  return bead.confidence === null || bead.confidence < LOW || bead.zh.length !== 1 || bead.en.length !== 1;
}

function nextRisky(beads: readonly Bead[], from: number): number {
  const order = beads.map((_, k) => (from + 1 + k) % beads.length);
  const open = order.filter((i) => beads[i]!.status !== 'confirmed');
  return open.find((i) => unsure(beads[i]!)) ?? open[0] ?? -1;
}

function confidenceClass(bead: Bead): string {
  if (bead.confidence === null) return 'c-edited';
  if (bead.confidence >= HIGH) return 'c-high';
  return bead.confidence >= LOW ? 'c-mid' : 'c-low';
}

export async function reviewPage(
  root: HTMLElement,
  id: string,
  focus: number | undefined,
  editable: boolean,
) {
  let alignment = await get<Alignment>(`/api/alignments/${id}`);
  let cursor = Math.min(focus ?? 0, Math.max(0, alignment.beads.length - 1));
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const progress = h('span', { class: 'progress' });
  const table = h('div', { class: 'beads', role: 'grid', 'aria-label': 'aligned pairs' });
  const undoButton = h('button', { type: 'button', onclick: () => apply([{ op: 'undo' }]) }, 'Undo (z)');
  const redoButton = h('button', { type: 'button', onclick: () => apply([{ op: 'redo' }]) }, 'Redo (y)');
  const exportLink = (format: string) =>
    h(
      'a',
      { class: 'button', href: `/api/alignments/${id}/export?format=${format}`, download: '' },
      format.toUpperCase(),
    );

  const say = (message: string, error = false) => {
    status.textContent = message;
    status.className = error ? 'status error' : 'status';
  };

  /** Operations asked for while one is on its way wait their turn (a fast typist's keys are not lost). */
  let pending: Promise<void> = Promise.resolve();

  function apply(operations: object[], moveTo?: (beads: Bead[]) => number): Promise<void> {
    if (!editable) {
      say('this token may only read: ask for an editor token to change the alignment', true);
      return pending;
    }
    pending = pending.then(async () => {
      try {
        alignment = await send<Alignment>('POST', `/api/alignments/${id}/operations`, {
          version: alignment.version,
          operations,
        });
        if (moveTo) cursor = moveTo(alignment.beads);
        cursor = Math.max(0, Math.min(cursor, alignment.beads.length - 1));
        say('');
        render();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          alignment = await get<Alignment>(`/api/alignments/${id}`);
          render();
        }
        say((error as Error).message, true);
      }
    });
    return pending;
  }

  async function save(): Promise<void> {
    if (!editable) return say('this token may only read', true);
    try {
      const result = await send<{ added: number; duplicates: number; read: number }>(
        'POST',
        `/api/alignments/${id}/save`,
      );
      say(
        `Saved to the TM: ${result.read} pairs (${alignment.progress.confirmed} approved, the rest pending), ${result.added} new, ${result.duplicates} already there.`,
      );
    } catch (error) {
      say((error as Error).message, true);
    }
  }

  function sentenceList(bead: Bead, side: 'zh' | 'en') {
    return h(
      'div',
      { class: `side ${side}`, lang: side === 'zh' ? 'zh' : 'en' },
      ...bead[side].map((s) => h('span', { class: 'sentence' }, s.text)),
      bead[side].length === 0
        ? h('span', { class: 'empty' }, side === 'zh' ? '（無對應）' : '(no counterpart)')
        : null,
    );
  }

  function render(): void {
    const { confirmed, total } = alignment.progress;
    progress.textContent = `${confirmed} of ${total} confirmed`;
    undoButton.disabled = !alignment.canUndo;
    redoButton.disabled = !alignment.canRedo;
    const rows: HTMLElement[] = [];
    let paragraph: number | undefined;
    alignment.beads.forEach((bead, index) => {
      const first = bead.zh[0] ?? bead.en[0];
      if (index > 0 && first?.paragraph !== undefined && first.paragraph !== paragraph)
        rows.push(h('div', { class: 'paragraph-break', 'aria-hidden': 'true' }));
      paragraph = first?.paragraph ?? paragraph;
      const shape = `${bead.zh.length}:${bead.en.length}`;
      const classes = [
        'bead',
        confidenceClass(bead),
        bead.status,
        unsure(bead) ? 'unsure' : '',
        shape !== '1:1' ? 'non-one' : '',
        index === cursor ? 'current' : '',
      ];
      rows.push(
        h(
          'div',
          {
            class: classes.filter(Boolean).join(' '),
            role: 'row',
            'data-bead': index,
            'aria-selected': index === cursor ? 'true' : 'false',
            onclick: () => {
              cursor = index;
              render();
            },
          },
          h(
            'div',
            { class: 'gutter' },
            h('span', { class: 'index' }, index + 1),
            shape !== '1:1' ? h('span', { class: 'shape' }, shape) : null,
          ),
          sentenceList(bead, 'zh'),
          sentenceList(bead, 'en'),
          h(
            'div',
            { class: 'meta' },
            h(
              'span',
              { class: 'confidence', title: 'aligner confidence' },
              bead.confidence === null ? 'edited' : bead.confidence.toFixed(2),
            ),
            h('span', { class: 'state' }, bead.status === 'confirmed' ? '✓ confirmed' : 'pending'),
          ),
        ),
      );
    });
    fill(table, ...rows);
    table.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }

  function editSide(side: 'zh' | 'en'): void {
    const bead = alignment.beads[cursor];
    if (!bead || bead[side].length === 0) {
      say(`this bead has no ${side === 'zh' ? 'Chinese' : 'English'} sentence to edit`, true);
      return;
    }
    if (!editable) {
      say('this token may only read', true);
      return;
    }
    const dialog = h('dialog', { class: 'editor', 'aria-label': 'edit sentences' });
    const areas = bead[side].map(
      (s) => h('textarea', { rows: 3, lang: side }, s.text) as HTMLTextAreaElement,
    );
    const close = () => {
      dialog.close();
      dialog.remove();
      table.focus();
    };
    dialog.addEventListener('keydown', async (event) => {
      const area = event.target instanceof HTMLTextAreaElement ? event.target : undefined;
      const sentence = area ? areas.indexOf(area) : -1;
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (event.key === 'Enter' && event.ctrlKey) {
        event.preventDefault();
        const edits = areas
          .map((a, i) => ({ op: 'edit', bead: cursor, side, sentence: i, text: a.value }))
          .filter((e, i) => e.text !== bead[side][i]!.text);
        close();
        if (edits.length) await apply(edits);
      } else if (event.key === 'Enter' && event.altKey && area) {
        event.preventDefault();
        close();
        await apply([{ op: 'split-sentence', bead: cursor, side, sentence, at: area.selectionStart }]);
      } else if (event.key.toLowerCase() === 'j' && event.altKey && area) {
        event.preventDefault();
        close();
        await apply([{ op: 'join-sentences', bead: cursor, side, sentence }]);
      }
    });
    fill(
      dialog,
      h('h2', {}, side === 'zh' ? '編輯中文句子' : 'Edit the English sentences'),
      ...areas,
      h(
        'p',
        { class: 'hint' },
        'Ctrl+Enter saves · Alt+Enter splits the sentence at the caret · Alt+J joins it with the next · Esc cancels',
      ),
    );
    document.body.append(dialog);
    dialog.showModal();
    areas[0]!.focus();
  }

  const keyHandler = (event: KeyboardEvent) => {
    if (!document.body.contains(table)) return document.removeEventListener('keydown', keyHandler);
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (document.querySelector('dialog[open]')) return;
    const bead = cursor;
    const key = event.key;
    const ctrl = event.ctrlKey || event.metaKey;
    const actions: Record<string, () => unknown> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      n: () => jump(nextRisky(alignment.beads, cursor)),
      m: () => apply([{ op: 'merge', bead }]),
      s: () => apply([{ op: 'split', bead }]),
      u: () => apply([{ op: 'shift', bead, side: 'zh' }]),
      U: () => apply([{ op: 'shift', bead, side: 'en' }]),
      d: () => apply([{ op: 'pop', bead, side: 'zh' }]),
      D: () => apply([{ op: 'pop', bead, side: 'en' }]),
      e: () => apply([{ op: 'insert-empty', bead }]),
      x: () => apply([{ op: 'swap', bead }]),
      t: () => editSide('zh'),
      T: () => editSide('en'),
      c: () => apply([{ op: 'confirm', bead }]),
      p: () => apply([{ op: 'unconfirm', bead }]),
      C: () => apply([{ op: 'confirm-above', bead }]),
      r: () => apply([{ op: 'realign' }]),
      Enter: () =>
        apply([{ op: 'confirm', bead }], (beads) => {
          const next = nextRisky(beads, bead);
          return next < 0 ? bead : next;
        }),
      z: () => apply([{ op: 'undo' }]),
      y: () => apply([{ op: 'redo' }]),
      Z: () => apply([{ op: 'redo' }]),
      S: () => save(),
    };
    const action = ctrl
      ? (
          { z: actions['z'], y: actions['y'], Z: actions['y'], s: actions['S'] } as Record<
            string,
            (() => unknown) | undefined
          >
        )[key]
      : actions[key];
    if (!action || (event.altKey && !ctrl)) return;
    event.preventDefault();
    void action();
  };
  const move = (delta: number) => jump(Math.max(0, Math.min(alignment.beads.length - 1, cursor + delta)));
  const jump = (index: number) => {
    if (index < 0) return say('every bead is confirmed');
    cursor = index;
    render();
  };
  document.addEventListener('keydown', keyHandler);

  fill(
    root,
    h(
      'header',
      { class: 'review-head' },
      h('h1', {}, alignment.name),
      progress,
      h(
        'div',
        { class: 'toolbar' },
        undoButton,
        redoButton,
        h('button', { type: 'button', onclick: () => apply([{ op: 'confirm-all' }]) }, 'Confirm all'),
        h('button', { type: 'button', class: 'primary', onclick: () => save() }, 'Save to TM (S)'),
        h('span', { class: 'export' }, 'Export ', exportLink('tmx'), exportLink('xlsx'), exportLink('tsv')),
        h('a', { class: 'button', href: `#/qa/${id}` }, 'QA report'),
        h('a', { class: 'button', href: `#/terms/${id}` }, 'Terms'),
      ),
    ),
    status,
    h(
      'div',
      { class: 'review-body' },
      table,
      h(
        'aside',
        { class: 'legend', 'aria-label': 'keys' },
        h('h2', {}, 'Keys'),
        h('dl', {}, ...KEYS.flatMap(([keys, what]) => [h('dt', {}, h('kbd', {}, keys)), h('dd', {}, what)])),
        h(
          'p',
          { class: 'hint' },
          'Colour: green ≥ 0.97, amber ≥ 0.70, red below; the aligner re-scores every bead after each edit. Non-1:1 beads show their shape.',
        ),
      ),
    ),
  );
  table.tabIndex = 0;
  render();
  table.focus();
}
