import { detectLanguage } from '../../core/document.js';
import { BitextError } from '../../core/errors.js';
import { decodeBytes, type EncodingName } from '../../io/decode.js';
import { wholeDecoder } from '../../io/whatwg-decode.js';
import type { DocumentParagraph, DocumentReader } from './document-reader.js';
import { type DomElement, htmlBlocks } from './html-blocks.js';

/**
 * Web pages: the article's text by block element. Mozilla's Readability (Firefox's reader view)
 * finds the article and drops navigation, headers, footers, asides and the title heading; when it
 * finds none, or an article in one language only (a bilingual page can keep each language in its
 * own column), the whole body is read with the page furniture left out. `lang` attributes below
 * <body> say each paragraph's language; <html lang> does not, since a bilingual page declares one
 * language for two.
 */
export const htmlReader: DocumentReader = {
  format: 'html',
  async read(bytes, file, options) {
    const html = decodeHtml(bytes, file, options.encoding);
    // Loaded on first use, as pdf.js and exceljs are: reading plain text should not pay for them.
    const [{ parseHTML }, { Readability }] = await Promise.all([
      import('linkedom'),
      import('@mozilla/readability'),
    ]);
    return paragraphsOfHtml(html, file, { parseHTML, Readability });
  },
};

/** The two libraries a web page is read with, loaded when the first page is read. */
interface HtmlLibraries {
  parseHTML: ParseHtml;
  Readability: typeof import('@mozilla/readability').Readability;
}

type ParseHtml = typeof import('linkedom').parseHTML;

function paragraphsOfHtml(html: string, file: string, libraries: HtmlLibraries): DocumentParagraph[] {
  const article = readabilityBlocks(html, libraries);
  const hasBoth = (ps: readonly DocumentParagraph[]) =>
    ps.some((p) => languageOf(p) === 'zh') && ps.some((p) => languageOf(p) === 'en');
  let paragraphs = article ?? [];
  if (!article || !hasBoth(article)) {
    const body = bodyOf(html, libraries.parseHTML);
    const whole = body ? htmlBlocks(body, { skipFurniture: true }) : [];
    if (whole.length > 0) paragraphs = whole;
  }
  const title = pageTitle(html);
  paragraphs = paragraphs.filter((p) => !isPageFurniture(p.text, title));
  if (paragraphs.length === 0) {
    throw new BitextError(
      'NO_TEXT',
      'a web page with no readable text (only markup, scripts or navigation)',
      {
        file,
      },
    );
  }
  return paragraphs;
}

/** The <title>, white space collapsed. */
function pageTitle(html: string): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return match ? match[1]!.replace(/[ \t\n\r\f]+/g, ' ').trim() : '';
}

/** A date, as press pages print it above an article: 2021-04-15, 2021/4/15, 2021年4月15日. */
const DATE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/g;
/** "Source:", "來源：" and the like: the labels of a page's dateline and byline. */
const META_LABEL =
  /(?:來源|来源|發布|发布|發佈|发表|發表|作者|編輯|编辑|責任編輯|责任编辑|瀏覽|浏览|點擊|点击|字號|字号|時間|时间|日期|source|published|posted|updated|author|editor|date|views)\s*[:：]/i;
/** The buttons government and news sites print under an article. */
const PAGE_UI =
  /^[【[(]?\s*(?:打印本?[頁页]?|列印|關閉(?:窗口|本[頁页])?|关闭(?:窗口|本页)?|分享到?|返回[頂顶]部|print(?: this page)?|close(?: window)?|share(?: this)?|back to top)\s*[】\])]?$/i;
/** Longer than this, a block is prose even if it has a date and a colon in it. */
const MAX_FURNITURE_CHARS = 160;

/**
 * What Readability keeps inside an article's container but is not its text: the headline (the
 * page's <title> already says it), the dateline ("2021-04-15 來源：市政府外辦"), a bare date, and the
 * print/close/share buttons of press sites. Without this they become unpaired paragraphs, or get
 * merged into the first pair.
 */
function isPageFurniture(text: string, title: string): boolean {
  if (text.length > MAX_FURNITURE_CHARS) return false;
  if (text.length >= 4 && title.includes(text)) return true;
  if (META_LABEL.test(text) || PAGE_UI.test(text)) return true;
  return text.replace(DATE, '').replace(/[\s\p{P}\p{S}]/gu, '') === '';
}

function languageOf(p: DocumentParagraph) {
  return p.lang ?? detectLanguage(p.text);
}

function readabilityBlocks(
  html: string,
  { parseHTML, Readability }: HtmlLibraries,
): DocumentParagraph[] | undefined {
  const body = bodyOf(html, parseHTML);
  if (!body) return undefined;
  for (const child of Array.from(body.children)) inheritLang(child, undefined);
  const document = (body as DomElement & { ownerDocument: unknown }).ownerDocument;
  // The serializer hands back the article element itself, so its blocks are read like any other tree.
  const article = new Readability(document as never, { serializer: (node) => node }).parse();
  const content = article?.content as DomElement | null | undefined;
  return content ? htmlBlocks(content, { skipFurniture: true }) : undefined;
}

/** The page's <body>; a fragment ("<p>…</p>") is wrapped so it has one. */
function bodyOf(html: string, parseHTML: ParseHtml): DomElement | undefined {
  // linkedom makes a fragment's first element the document element, so fragments get the <html>
  // (and <body>) a browser would imply.
  let page = html;
  if (!/<html[\s>]/i.test(page)) {
    page = page.replace(/^\s*<!doctype[^>]*>/i, '');
    page = `<!DOCTYPE html><html>${/<body[\s>]/i.test(page) ? page : `<body>${page}</body>`}</html>`;
  }
  const { document } = parseHTML(page);
  return (document.body as DomElement | null) ?? undefined;
}

/**
 * Copies each `lang` down to the elements under it, since Readability rebuilds the article from
 * the blocks it keeps and drops the wrappers that declared their language.
 */
function inheritLang(element: DomElement, lang: string | undefined): void {
  const own = element.getAttribute('lang') ?? element.getAttribute('xml:lang') ?? undefined;
  if (own === undefined && lang !== undefined) element.setAttribute('lang', lang);
  for (const child of Array.from(element.children)) inheritLang(child, own ?? lang);
}

/** How many bytes a <meta charset> must sit in, as in the HTML standard's prescan. */
const PRESCAN_BYTES = 1024;

/**
 * Bytes → text, as a browser decides: a forced encoding, else a byte-order mark, else the page's
 * <meta charset> (any encoding the WHATWG Encoding Standard knows, e.g. windows-1252), else the
 * detection plain text gets (UTF-8, GB18030, Big5).
 */
function decodeHtml(bytes: Uint8Array, file: string, forced?: EncodingName): string {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (forced || hasBom) return decodeBytes(bytes, { file, encoding: forced }).text;
  const label = metaCharset(bytes);
  // A label no browser knows either: detect instead.
  const decoder = label === undefined ? undefined : wholeDecoder(label);
  // A UTF-16 page has a BOM; a meta saying UTF-16 in ASCII-readable bytes is wrong, as browsers hold.
  if (!decoder || decoder.encoding.startsWith('utf-16')) return decodeBytes(bytes, { file }).text;
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BitextError(
      'DECODE_ERROR',
      `not valid ${decoder.encoding} as its <meta charset="${label}"> says; give --encoding if it is another`,
      { file },
    );
  }
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}
