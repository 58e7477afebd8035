/** Values of the Chinese digit characters, including the financial (大写) forms and 两/〇. */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Units below ten thousand: they multiply the digit before them. */
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Myriad units: they close a section (一万二千 = 1·10⁴ + 2000). */
export const LARGE_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

export const CHINESE_DIGIT_CHARS = Object.keys(DIGITS).join('');
export const CHINESE_UNIT_CHARS = Object.keys(SMALL_UNITS).join('') + Object.keys(LARGE_UNITS).join('');
export const CHINESE_NUMERAL_CHARS = CHINESE_DIGIT_CHARS + CHINESE_UNIT_CHARS;

/** Digit value of one character: ASCII, full-width (０–９) or Chinese; undefined for anything else. */
export function digitValue(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return DIGITS[char];
}

/** Full-width digits, point, comma and percent sign to ASCII, one code unit each, so offsets survive. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９．，％－／]/g, (c) => {
    if (c === '．') return '.';
    if (c === '，') return ',';
    if (c === '％') return '%';
    if (c === '－') return '-';
    if (c === '／') return '/';
    return String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30);
  });
}

/**
 * The value of a Chinese numeral: 十五 → 15, 一万二千 → 12000, 两亿 → 2e8, 一百零五 → 105, 三点五 → 3.5.
 * A run of bare digits with no unit is read digit by digit, the way years and codes are written
 * (二〇二一 → 2021). Returns undefined when the string is not a numeral.
 */
export function parseChineseNumeral(numeral: string): number | undefined {
  const pointAt = numeral.search(/[点點]/);
  if (pointAt >= 0) {
    const whole = parseChineseNumeral(numeral.slice(0, pointAt));
    const fraction = numeral.slice(pointAt + 1);
    if (whole === undefined || fraction === '') return undefined;
    let decimals = '';
    for (const c of fraction) {
      const d = DIGITS[c];
      if (d === undefined) return undefined;
      decimals += String(d);
    }
    return Number(`${whole}.${decimals}`);
  }
  if (numeral === '') return undefined;
  const chars = [...numeral];
  if (chars.every((c) => DIGITS[c] !== undefined)) {
    if (chars.length === 1) return DIGITS[chars[0]!];
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of chars) {
    const d = DIGITS[c];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[c];
    if (small !== undefined) {
      // A unit with no digit before it counts once: 十五 = 15, 百万 = 1e6.
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    const large = LARGE_UNITS[c];
    if (large === undefined) return undefined;
    const sectionValue = section + (digit ?? 0);
    if (large > 1e4) {
      total = (total + (sectionValue || (total ? 0 : 1))) * large;
    } else {
      total += (sectionValue || 1) * large;
    }
    section = 0;
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}
