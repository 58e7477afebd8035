// Characters XML 1.0 forbids anywhere, even escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with each character XML cannot carry replaced (escapeXml drops them; XLSX cells show U+FFFD). */
export function replaceNonXmlChars(text: string, replacement: string): string {
  return text.replace(INVALID_XML_CHARS, replacement);
}

/** Escapes text for XML element content or a double-quoted attribute, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return replaceNonXmlChars(text, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
