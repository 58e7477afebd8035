import type { TermEntry, TermStatus } from '../core/terms/index.js';
import { escapeXml } from './xml-escape.js';

/** TBX-Basic administrative status values (ISO 30042 data category). */
export const TBX_STATUS: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
};

/**
 * TBX v3, TBX-Basic dialect: one conceptEntry per entry,
 * `tbx > text > body > conceptEntry > langSec[xml:lang] > termSec > term`, the status on the English
 * term (the Chinese is the concept's source) and kind, score, note and source as notes.
 */
export function termEntriesToTbx(entries: readonly TermEntry[], zhLang = 'zh-CN'): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    '        <p>bitext termbase</p>',
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  entries.forEach((entry, index) => {
    lines.push(`      <conceptEntry id="c${index + 1}">`);
    if (entry.kind) lines.push(`        <descrip type="subjectField">${escapeXml(entry.kind)}</descrip>`);
    if (entry.note) lines.push(`        <note>${escapeXml(entry.note)}</note>`);
    if (entry.source) lines.push(`        <admin type="source">${escapeXml(entry.source)}</admin>`);
    lines.push(`        <langSec xml:lang="${escapeXml(zhLang)}">`);
    lines.push('          <termSec>');
    lines.push(`            <term>${escapeXml(entry.zh)}</term>`);
    lines.push('          </termSec>');
    lines.push('        </langSec>');
    lines.push('        <langSec xml:lang="en">');
    lines.push('          <termSec>');
    lines.push(`            <term>${escapeXml(entry.en)}</term>`);
    lines.push(`            <termNote type="administrativeStatus">${TBX_STATUS[entry.status]}</termNote>`);
    if (entry.score !== undefined) lines.push(`            <note>score ${entry.score}</note>`);
    lines.push('          </termSec>');
    lines.push('        </langSec>');
    lines.push('      </conceptEntry>');
  });
  lines.push('    </body>', '  </text>', '</tbx>', '');
  return lines.join('\n');
}
