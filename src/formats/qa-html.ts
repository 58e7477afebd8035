import { countByCheck, type Finding, type FindingSide, QA_CHECKS, type Span } from '../core/qa/index.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}
.meta{color:#666;margin:0 0 1.5rem}
table.counts{border-collapse:collapse;margin-bottom:2rem}
table.counts th,table.counts td{border:1px solid #ddd;padding:.25rem .75rem;text-align:left}
table.counts td.n{text-align:right;font-variant-numeric:tabular-nums}
table.counts tr.zero{color:#999}
.finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.75rem 1rem;margin:0 0 1rem}
.finding.error{border-left-color:#c62828}.finding.warning{border-left-color:#ef8f00}.finding.info{border-left-color:#1565c0}
.head{display:flex;gap:.75rem;align-items:baseline;flex-wrap:wrap}
.sev{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
.error .sev{color:#c62828}.warning .sev{color:#b36b00}.info .sev{color:#1565c0}
.check{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;background:#f3f3f3;padding:0 .4rem;border-radius:3px}
.pair{color:#666;font-size:.85rem}
.message{font-weight:600}
.text{display:grid;grid-template-columns:2.5rem 1fr;gap:.25rem .5rem;margin:.5rem 0}
.lang{color:#888;font-size:.8rem;padding-top:.1rem}
mark{background:#ffe082;border-radius:2px;padding:0 1px}
.error mark{background:#ffcdd2}
.hint{color:#2e7d32;font-size:.9rem}
.none{color:#2e7d32;font-weight:600}
@media print{.finding{break-inside:avoid}}
`;

/**
 * One self-contained HTML page: inline CSS, no scripts, no external resources. A table counts the
 * findings by check; each finding shows its severity, check, pair number, message, both texts with
 * the offending spans in <mark>, and the hint. Every piece of user text is escaped.
 */
export function findingsToHtml(
  findings: readonly Finding[],
  options: { title?: string; pairs?: number } = {},
): string {
  const title = options.title ?? 'bitext QA report';
  const counts = countByCheck(findings);
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  const summary =
    `${findings.length} finding${findings.length === 1 ? '' : 's'}: ` +
    `${bySeverity.error} error${bySeverity.error === 1 ? '' : 's'}, ${bySeverity.warning} warning${bySeverity.warning === 1 ? '' : 's'}, ${bySeverity.info} info` +
    (options.pairs !== undefined ? ` in ${options.pairs} pairs` : '');
  const countRows = QA_CHECKS.map(
    (check) =>
      `<tr${counts[check] ? '' : ' class="zero"'}><td><span class="check">${check}</span></td><td class="n">${counts[check]}</td></tr>`,
  ).join('\n');
  const items = findings.map(findingHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(summary)}</p>
<table class="counts">
<thead><tr><th>check</th><th>findings</th></tr></thead>
<tbody>
${countRows}
</tbody>
</table>
${findings.length ? items : '<p class="none">No findings.</p>'}
</body>
</html>
`;
}

function findingHtml(finding: Finding): string {
  return `<section class="finding ${finding.severity}">
<div class="head"><span class="sev">${finding.severity}</span><span class="check">${finding.check}</span><span class="pair">pair ${finding.pair + 1}</span></div>
<div class="message">${escapeHtml(finding.message)}</div>
<div class="text"><span class="lang">zh</span><span lang="zh">${highlight(finding.zh)}</span><span class="lang">en</span><span lang="en">${highlight(finding.en)}</span></div>
<div class="hint">${escapeHtml(finding.hint)}</div>
</section>`;
}

/** The side's text with its spans wrapped in <mark>; overlapping spans are merged. */
export function highlight(side: FindingSide): string {
  const spans = mergeSpans(side.spans, side.text.length);
  let html = '';
  let at = 0;
  for (const span of spans) {
    html += escapeHtml(side.text.slice(at, span.start));
    html += `<mark>${escapeHtml(side.text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return html + escapeHtml(side.text.slice(at));
}

function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((s) => ({
      start: Math.max(0, Math.min(s.start, length)),
      end: Math.max(0, Math.min(s.end, length)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
