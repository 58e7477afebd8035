import { parentPort } from 'node:worker_threads';
import { alignDocumentInput, sideTextOf } from '../app/document-input.js';
import { alignSentences, scoreAlignment } from '../core/align/index.js';
import { alignDocument } from '../core/document.js';
import { isBitextError } from '../core/errors.js';
import type { AlignRequest, AlignResult, ReviewRequest } from './align-job.js';

// A worker thread of the aligner pool (align-pool.ts): aligns one request at a time, so the server's
// event loop stays free for lookups while a long document aligns.

async function align(
  request: AlignRequest,
  onProgress: (done: number, total: number) => void,
): Promise<AlignResult> {
  switch (request.kind) {
    case 'combined': {
      const document = alignDocument({ combined: request.text }, { keepUnpaired: true, onProgress });
      return { ...pick(document), format: 'text' };
    }
    case 'pair': {
      const document = alignDocument({ zh: request.zh, en: request.en }, { keepUnpaired: true, onProgress });
      return { ...pick(document), format: 'text' };
    }
    case 'document': {
      const document = await alignDocumentInput(request.input, { keepUnpaired: true, onProgress });
      return { ...pick(document), format: document.format };
    }
    case 'documents': {
      const zh = await sideTextOf(request.zh);
      const en = await sideTextOf(request.en);
      const document = alignDocument(
        { zh, en },
        { keepUnpaired: true, onProgress, sourceNames: { zh: request.zh.name, en: request.en.name } },
      );
      return { ...pick(document), format: 'text' };
    }
  }
}

/** Re-scores an edited bead path (each bead's confidence), or re-aligns between the fixed beads. */
function review(request: ReviewRequest) {
  const paragraphs = { zhParagraphs: request.zhParagraphs, enParagraphs: request.enParagraphs };
  if (request.kind === 'score') return scoreAlignment(request.zh, request.en, request.beads, paragraphs);
  return alignSentences(request.zh, request.en, { ...paragraphs, fixed: request.fixed });
}

function pick(document: Omit<AlignResult, 'format'>): Omit<AlignResult, 'format'> {
  return { zh: document.zh, en: document.en, beads: document.beads, layout: document.layout };
}

parentPort?.on('message', async ({ id, request }: { id: number; request: AlignRequest | ReviewRequest }) => {
  try {
    if (request.kind === 'score' || request.kind === 'realign') {
      parentPort?.postMessage({ id, result: review(request) });
      return;
    }
    const onProgress = (done: number, total: number) =>
      parentPort?.postMessage({ id, progress: { done, total } });
    parentPort?.postMessage({ id, result: await align(request, onProgress) });
  } catch (error) {
    const failure = isBitextError(error)
      ? { code: error.code, message: error.message, location: error.location }
      : { message: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage({ id, error: failure });
  }
});
