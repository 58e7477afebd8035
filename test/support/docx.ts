import JSZip from 'jszip';
import { escapeXml } from '../../src/formats/xml-escape.js';

// Builds a minimal valid WordprocessingML package (.docx) in the test: [Content_Types].xml,
// _rels/.rels and word/document.xml, the three parts Word and mammoth need.

/**
 * A block of the body: a paragraph (with, optionally, a footnote at its end), or a table given
 * row by row.
 */
export type DocxBlock = { paragraph: string; footnote?: string } | { table: string[][] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function paragraphXml(text: string, footnoteId?: number): string {
  const reference = footnoteId === undefined ? '' : `<w:r><w:footnoteReference w:id="${footnoteId}"/></w:r>`;
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>${reference}</w:p>`;
}

function tableXml(rows: string[][]): string {
  const body = rows
    .map((cells) => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr/>${paragraphXml(c)}</w:tc>`).join('')}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr/><w:tblGrid/>${body}</w:tbl>`;
}

export async function buildDocx(blocks: readonly DocxBlock[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  const footnotes: string[] = [];
  const body = blocks
    .map((b) => {
      if ('table' in b) return tableXml(b.table);
      if (b.footnote === undefined) return paragraphXml(b.paragraph);
      footnotes.push(b.footnote);
      return paragraphXml(b.paragraph, footnotes.length);
    })
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  if (footnotes.length > 0) {
    zip.file(
      'word/footnotes.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">${footnotes
        .map((text, i) => `<w:footnote w:id="${i + 1}">${paragraphXml(text)}</w:footnote>`)
        .join('')}</w:footnotes>`,
    );
    zip.file(
      'word/_rels/document.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>' +
        '</Relationships>',
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}
