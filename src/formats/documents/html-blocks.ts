import { detectLanguage } from '../../core/document.js';
import type { Lang } from '../../core/types.js';
import type { DocumentParagraph } from './document-reader.js';

// Readable text of an HTML tree, one paragraph per block element. Shared by the web-page reader
// and the Word reader (mammoth turns a .docx into HTML). The DOM is linkedom's; only the few
// members used here are typed, since the project compiles without the DOM library.

export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  children: ArrayLike<DomElement>;
  parentElement: DomElement | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Never text a reader wants: code, styling, embedded media and form controls. */
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'select',
  'button',
  'input',
  'textarea',
]);

/** Page furniture: what repeats on every page of a site rather than belonging to the article. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);
const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
]);

/** Elements whose start and end break a paragraph; everything else is inline and runs on. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** HTML's own white space: U+3000 and no-break spaces are text, left for cleaning to decide. */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/** A header row of a bilingual table names its columns; it is not text to align. */
const COLUMN_LABEL =
  /^(?:中文|漢語|汉语|華語|华语|英文|英語|英语|原文|譯文|译文|chinese|english|zh(?:-[a-z]+)*|en(?:-[a-z]+)*|source|target|translation)$/i;

export interface BlockOptions {
  /** Leave out nav, header, footer, aside and the like (web pages; a Word body has none). */
  skipFurniture: boolean;
}

/** The paragraphs of `root`, in document order. */
export function htmlBlocks(root: DomElement, options: BlockOptions): DocumentParagraph[] {
  return blocksOf(root, options, new Map());
}

/**
 * Each table's reading as zh|en rows, made once per htmlBlocks call. Deciding reads the table's
 * cells, and a table that is not zh|en is then read again as blocks, so a table nested in the cells
 * of others would otherwise be read twice for every table around it (2^depth: twenty levels of
 * layout tables took 40 s).
 */
type TableRows = Map<DomElement, BilingualRow[] | undefined>;

function blocksOf(root: DomElement, options: BlockOptions, tableRows: TableRows): DocumentParagraph[] {
  const out: DocumentParagraph[] = [];
  let buffer: string[] = [];
  let tables = 0;

  const flush = (lang: Lang | undefined) => {
    const text = buffer.join('').replace(HTML_SPACE, ' ').trim();
    buffer = [];
    if (text) out.push({ text, lang: checkedLang(lang, text), source: { block: out.length + 1 } });
  };

  const walk = (node: DomNode, lang: Lang | undefined): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as DomElement;
    const name = element.localName.toLowerCase();
    if (NEVER_TEXT.has(name) || isHidden(element)) return;
    if (options.skipFurniture && isFurniture(element, name)) return;
    // <html lang> and <body lang> name one language for a page that holds two: not a paragraph's.
    const declared = name === 'html' || name === 'body' ? undefined : declaredLang(element);
    const own = declared === undefined ? lang : declared === 'other' ? undefined : declared;
    if (name === 'br') {
      flush(lang);
      return;
    }
    if (name === 'table') {
      if (!tableRows.has(element)) tableRows.set(element, bilingualRows(element, options, tableRows));
      const rows = tableRows.get(element);
      if (rows) {
        flush(lang);
        tables++;
        for (const row of rows) {
          for (const cell of row.cells) {
            for (const p of cell.paragraphs) {
              out.push({
                text: p.text,
                lang: cell.lang,
                source: { block: out.length + 1, table: tables, row: row.index, column: cell.column },
              });
            }
          }
        }
        return;
      }
    }
    const block = BLOCKS.has(name);
    if (block) flush(lang);
    for (const child of Array.from(element.childNodes)) walk(child, own);
    if (block) flush(own);
  };

  walk(root, undefined);
  flush(undefined);
  return out;
}

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function isFurniture(element: DomElement, name: string): boolean {
  if (FURNITURE.has(name)) return true;
  const role = element.getAttribute('role');
  return role !== null && FURNITURE_ROLES.has(role.trim().toLowerCase());
}

/** `lang` (or `xml:lang`) as bitext's languages: 'other' for a language bitext does not align. */
function declaredLang(element: DomElement): Lang | 'other' | undefined {
  const value = (element.getAttribute('lang') ?? element.getAttribute('xml:lang'))?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (/^(?:zh|cmn|yue|lzh)\b/.test(value)) return 'zh';
  if (/^en\b/.test(value)) return 'en';
  return 'other';
}

/**
 * A declared language is trusted unless the text has none of that language's script: a wrapper
 * marked `lang="en"` around a Chinese paragraph is a template's mistake, not a fact.
 */
function checkedLang(lang: Lang | undefined, text: string): Lang | undefined {
  if (lang === 'zh' && !/\p{Script=Han}/u.test(text)) return undefined;
  if (lang === 'en' && !/[A-Za-z]/.test(text)) return undefined;
  return lang;
}

interface BilingualRow {
  index: number;
  cells: Array<{ column: number; lang: Lang; paragraphs: DocumentParagraph[] }>;
}

/**
 * The rows of a two-column table whose columns are Chinese and English (either order), Chinese
 * cell first in each row so that the aligner sees alternating paragraphs; undefined for any other
 * table, which is read cell by cell. Rows where a cell has no language (numbers, blanks) follow
 * the table's orientation; a header row of column labels is left out.
 */
function bilingualRows(
  table: DomElement,
  options: BlockOptions,
  tableRows: TableRows,
): BilingualRow[] | undefined {
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => closestTable(tr) === table);
  const read: Array<{ index: number; cells: DocumentParagraph[][] }> = [];
  let zhFirst = 0;
  let enFirst = 0;
  for (const [i, tr] of rows.entries()) {
    const cells = Array.from(tr.children).filter((c) => ['td', 'th'].includes(c.localName.toLowerCase()));
    const texts = cells.map((cell) => blocksOf(cell, options, tableRows));
    if (texts.every((t) => t.length === 0)) continue;
    if (cells.length !== 2) return undefined;
    const [a, b] = texts.map((t) => detectLanguage(t.map((p) => p.text).join(' ')));
    if (a === 'zh' && b === 'en') zhFirst++;
    else if (a === 'en' && b === 'zh') enFirst++;
    else if (a !== undefined && b !== undefined) return undefined; // both cells in one language
    read.push({ index: i + 1, cells: texts });
  }
  if (zhFirst + enFirst === 0 || (zhFirst > 0 && enFirst > 0)) return undefined;
  const zhColumn = zhFirst > 0 ? 0 : 1;
  const first = read[0];
  if (first?.cells.every((c) => c.length === 1 && COLUMN_LABEL.test(c[0]!.text))) read.shift();
  return read.map(({ index, cells }) => ({
    index,
    cells: [
      { column: zhColumn + 1, lang: 'zh' as const, paragraphs: cells[zhColumn]! },
      { column: 2 - zhColumn, lang: 'en' as const, paragraphs: cells[1 - zhColumn]! },
    ],
  }));
}

function closestTable(element: DomElement): DomElement | undefined {
  let node = element.parentElement;
  while (node && node.localName.toLowerCase() !== 'table') node = node.parentElement;
  return node ?? undefined;
}
