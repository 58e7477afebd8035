/** A number found in text, with its span in the original string. */
export interface NumberMention {
  /** The value after normalisation: 3.5万 → 35000, 百分之五 → 5 (kind 'percent'), 三分之一 → 0.333…. */
  value: number;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
  kind: NumberKind;
  /** "About": 四十多年 (forty-odd years), 约300人, 十来个: a translation may round it or say it in words. */
  approximate?: boolean;
}

export type NumberKind =
  | 'cardinal'
  | 'decimal'
  | 'percent'
  | 'ordinal'
  | 'year'
  | 'month'
  | 'day'
  | 'century'
  | 'fraction';

/** A calendar expression: 2021年4月14日, April 14, 星期三. Weekday is ISO (1 Monday … 7 Sunday). */
export interface DateMention {
  text: string;
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
}
