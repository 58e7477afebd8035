import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the whole new content, never a part:
 * the data goes to a temporary file in the same directory (same filesystem, so rename is atomic), is
 * flushed, and is renamed over the target. On any failure the temporary file is removed.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array | AsyncIterable<string>,
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      await handle.writeFile(content);
    } else {
      for await (const chunk of content) await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
}
