/**
 * "%PDF-" at the very start, as the standard's header has it. Acrobat tolerates junk before it;
 * we do not sniff for it further in, where a text file about PDFs could mention it.
 */
export function isPdf(bytes: Uint8Array): boolean {
  return [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => bytes[i] === b);
}
