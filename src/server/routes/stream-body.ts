import type { Context } from 'hono';

/**
 * A response body from text or from chunks (TM exports are streamed, never gathered into one string).
 * The first chunk is awaited before the response starts, so an export refused at its start (no units,
 * several language pairs for XLIFF 2.0) is a JSON error with its status, not a cut-off 200.
 */
export async function streamBody(
  c: Context,
  content: string | AsyncIterable<string | Uint8Array>,
): Promise<Response> {
  if (typeof content === 'string') return c.body(content);
  const encoder = new TextEncoder();
  const iterator = content[Symbol.asyncIterator]();
  let first: IteratorResult<string | Uint8Array> | undefined = await iterator.next();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        const taken = first;
        first = undefined;
        if (taken.done) controller.close();
        else controller.enqueue(typeof taken.value === 'string' ? encoder.encode(taken.value) : taken.value);
        return;
      }
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return c.body(stream);
}
