/**
 * Lines a bilingual page carries that are usually not translated, recognised by their shape, not by
 * their words: a dateline or source line (a date and a label such as 来源 / 发布时间), an editor's or
 * reporter's line (编辑：…, 记者 …), a photo caption (图为…, ▲…, …（… 摄）), an English credit or
 * byline (Photo: …, (Photo by …), Source: …), and a heading (a short paragraph of its own that ends
 * without a sentence's final punctuation). A shape only makes a 1-0 or 0-1 bead cheaper
 * (`unpaired-evidence.ts`): a heading that has a translation still pairs with it on lexical and
 * length evidence.
 */
export type LineShape = 'dateline' | 'byline' | 'caption' | 'credit' | 'heading';

/** Labels of the metadata lines of Chinese news pages (Simplified and Traditional). */
const ZH_LABELS =
  '(?:来源|來源|发布时间|發布時間|发布日期|發布日期|时间|時間|日期|作者|编辑|編輯|责任编辑|責任編輯|责编|責編|校对|校對|审核|審核|审校|審校|记者|記者|通讯员|通訊員|摄影|攝影|供图|供圖|图片来源|圖片來源|字号|字號|浏览次数|瀏覽次數|点击数|點擊數)';
const ZH_LABEL_LINE = new RegExp(`^[\\s【\\[（(]*${ZH_LABELS}\\s*[：:]`);
const ZH_LABEL_ANYWHERE = new RegExp(`${ZH_LABELS}\\s*[：:]`);
const DATE = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/;
const ZH_CAPTION_START = /^[\s]*(?:图为|圖為|图：|圖：|图片：|圖片：|▲|△|■|□|●)/;
const ZH_PHOTO_CREDIT = /[（(][^（）()]{0,20}(?:摄|攝|供图|供圖|图|圖)\s*[）)]\s*$/;
/** Photo: …, Source: …, Editor: …, (Photo by …), Photo credit …, and a bare byline "By Jane Doe". */
const EN_CREDIT =
  /^[\s([]*(?:(?:photos?|photograph|photo credit|image|picture|source|credits?|editor|edited by|reporting by|written by|caption)\s*[:/|\-–—]|(?:photos?|photograph|image|picture)s?\s+(?:by|credit|courtesy)\b)/i;
const EN_BYLINE = /^By\s+\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3}$/u;
/** Sentence-final punctuation: a line ending otherwise, alone in its paragraph, reads as a heading. */
const FINAL = /[。！？!?.…”’"'」』）)；;：:]\s*$/;

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** Han characters (and Latin letters / 3) in a line: its length for the shape rules. */
function weight(text: string): number {
  // Counted by one global match each, not a regular expression run per character.
  return (text.match(HAN)?.length ?? 0) + (text.match(LATIN)?.length ?? 0) / 3;
}

/**
 * The shape of each sentence, or undefined for an ordinary sentence. `paragraphs[i]` is sentence i's
 * paragraph: a heading must be the only sentence of its paragraph (without paragraphs, no heading).
 */
export function lineShapes(
  sentences: readonly string[],
  lang: 'zh' | 'en',
  paragraphs?: readonly number[],
): (LineShape | undefined)[] {
  return sentences.map((text, i) => {
    // Weighed only for a shape its words suggest (most sentences have none): counting a line's
    // characters made a string of each.
    if (lang === 'zh') {
      if (DATE.test(text) && ZH_LABEL_ANYWHERE.test(text) && weight(text) <= 40) return 'dateline';
      if (ZH_LABEL_LINE.test(text) && weight(text) <= 30) return 'byline';
      if ((ZH_CAPTION_START.test(text) || ZH_PHOTO_CREDIT.test(text)) && weight(text) <= 60) return 'caption';
    } else if (text.length <= 80 && (EN_CREDIT.test(text) || EN_BYLINE.test(text.trim()))) {
      return 'credit';
    }
    if (lang === 'en' && text.length <= 60 && DATE.test(text)) return 'dateline';
    const alone =
      paragraphs !== undefined &&
      paragraphs[i - 1] !== paragraphs[i] &&
      (i + 1 >= paragraphs.length || paragraphs[i + 1] !== paragraphs[i]);
    if (alone && (lang === 'zh' ? weight(text) <= 30 : text.length <= 90) && !FINAL.test(text))
      return 'heading';
    return undefined;
  });
}
