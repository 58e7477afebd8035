import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { SHARED } from './helpers.js';

// xmllint-wasm 5.3.0 is libxml2's xmllint built for WebAssembly, so the tests need no xmllint binary,
// but that build leaves out DTD validation (`--valid` and `--dtdvalid` are "Unknown option"). It has
// RELAX NG, and a DTD this plain (element content models, CDATA and enumerated attributes) says
// exactly the same in RELAX NG, so the grammar is derived from the DTD file here, never written by
// hand: the DTD stays the one source of truth. Anything the translation does not know fails loudly.

export interface TmxDtdError {
  message: string;
  line: number | null;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
let grammar: string | undefined;

/** Validates a TMX document against the TMX 1.4 DTD in ../shared/standards, in-process. */
export async function validateTmx(xml: string): Promise<{ valid: boolean; errors: TmxDtdError[] }> {
  grammar ??= dtdToRelaxNg(readFileSync(join(SHARED, 'standards/tmx14.dtd'), 'utf8'), 'tmx');
  try {
    const result = await validateXML({
      xml: { fileName: 'document.tmx', contents: xml },
      schema: { fileName: 'tmx14.rng', contents: grammar },
      extension: 'relaxng',
    });
    return {
      valid: result.valid,
      errors: result.errors.map((e) => ({ message: e.message, line: e.loc?.lineNumber ?? null })),
    };
  } catch (error) {
    // xmllint exits 1 (not 3) on a document that is not even well-formed; the library rejects then,
    // which for a test is one more way of being invalid.
    return { valid: false, errors: [{ message: String((error as Error).message).trim(), line: null }] };
  }
}

/** Translates a DTD's element and attribute-list declarations into a RELAX NG grammar. */
export function dtdToRelaxNg(dtd: string, root: string): string {
  let text = dtd.replace(/<!--[\s\S]*?-->/g, '');
  const parameters = new Map<string, string>();
  for (const [, name, value] of text.matchAll(/<!ENTITY\s+%\s+([\w.-]+)\s+"([^"]*)"\s*>/g))
    parameters.set(name!, value!);
  text = text.replace(/%([\w.-]+);/g, (_, name: string) => {
    const value = parameters.get(name);
    if (value === undefined) throw new Error(`DTD: undefined parameter entity %${name};`);
    return value;
  });
  const attributes = new Map<string, string[]>();
  for (const [, element, body] of text.matchAll(/<!ATTLIST\s+([\w.:-]+)([^>]*)>/g)) {
    const list = attributes.get(element!) ?? [];
    const pattern = /([\w.:-]+)\s+(CDATA|\([^)]*\))\s+(#REQUIRED|#IMPLIED|#FIXED\s+"[^"]*"|"[^"]*")/g;
    const rest = body!.replace(pattern, (_, name: string, type: string, presence: string) => {
      list.push(attributePattern(name, type, presence));
      return '';
    });
    if (rest.trim()) throw new Error(`DTD: attribute declaration not understood: ${rest.trim()}`);
    attributes.set(element!, list);
  }
  const defines: string[] = [];
  for (const [, name, model] of text.matchAll(/<!ELEMENT\s+([\w.:-]+)\s+([^>]*?)\s*>/g)) {
    const attrs = (attributes.get(name!) ?? []).join('');
    defines.push(
      `<define name="${name}"><element name="${name}">${attrs}${contentPattern(model!)}</element></define>`,
    );
  }
  return (
    '<grammar xmlns="http://relaxng.org/ns/structure/1.0">' +
    `<start><ref name="${root}"/></start>${defines.join('')}</grammar>`
  );
}

function attributePattern(name: string, type: string, presence: string): string {
  const qualified = name.startsWith('xml:')
    ? `<name ns="${XML_NS}">${name.slice(4)}</name>`
    : `<name>${name}</name>`;
  const fixed = /^#FIXED\s+"([^"]*)"$/.exec(presence)?.[1];
  const values =
    fixed !== undefined
      ? `<value type="string">${fixed}</value>`
      : type === 'CDATA'
        ? '<text/>'
        : `<choice>${type
            .slice(1, -1)
            .split('|')
            .map((v) => `<value>${v.trim()}</value>`)
            .join('')}</choice>`;
  const attribute = `<attribute>${qualified}${values}</attribute>`;
  return presence === '#REQUIRED' ? attribute : `<optional>${attribute}</optional>`;
}

/** A content model (`EMPTY`, `(#PCDATA|a)*`, `((a|b)*, c+)`) as a RELAX NG pattern. */
function contentPattern(model: string): string {
  if (model === 'EMPTY') return '<empty/>';
  if (model === 'ANY') throw new Error('DTD: ANY content is not translated');
  const tokens = model.match(/#PCDATA|[\w.:-]+|[(),|*+?]/g) ?? [];
  let at = 0;
  const particle = (): string => {
    const token = tokens[at++];
    let pattern: string;
    if (token === '(') {
      const items = [particle()];
      let separator: string | undefined;
      while (tokens[at] === ',' || tokens[at] === '|') {
        separator = tokens[at++];
        items.push(particle());
      }
      if (tokens[at++] !== ')') throw new Error(`DTD: unbalanced content model ${model}`);
      pattern =
        items.length === 1
          ? items[0]!
          : separator === '|'
            ? `<choice>${items.join('')}</choice>`
            : `<group>${items.join('')}</group>`;
    } else if (token === '#PCDATA') {
      pattern = '<text/>';
    } else if (token && /^[\w.:-]+$/.test(token)) {
      pattern = `<ref name="${token}"/>`;
    } else {
      throw new Error(`DTD: unexpected "${token}" in content model ${model}`);
    }
    const wrapper = { '*': 'zeroOrMore', '+': 'oneOrMore', '?': 'optional' }[tokens[at] ?? ''];
    if (wrapper === undefined) return pattern;
    at++;
    return `<${wrapper}>${pattern}</${wrapper}>`;
  };
  const pattern = particle();
  if (at !== tokens.length) throw new Error(`DTD: content model not understood: ${model}`);
  return pattern;
}
