/** Code points as a bitmap (Unicode has 0x110000 of them: 136 KB). */
export class CodePointSet {
  private readonly bits = new Uint8Array(0x110000 >> 3);
  size = 0;

  has(codePoint: number): boolean {
    return (this.bits[codePoint >> 3]! & (1 << (codePoint & 7))) !== 0;
  }

  add(codePoint: number): boolean {
    if (this.has(codePoint)) return false;
    this.bits[codePoint >> 3]! |= 1 << (codePoint & 7);
    this.size++;
    return true;
  }

  /** Whether every code point of `text` is in the set. */
  hasAll(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      if (!this.has(codePoint)) return false;
    }
    return true;
  }

  /** Whether some code point of `text` is in the set. */
  hasAny(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      if (this.has(codePoint)) return true;
    }
    return false;
  }
}
