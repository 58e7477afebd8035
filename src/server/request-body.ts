import type { Context } from 'hono';
import type { DocumentInput } from '../app/use-case.js';
import { BitextError } from '../core/errors.js';

/** The body as JSON; a body that is not JSON, or not an object, is a 400 naming what was wrong. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  if (!isType(c, 'application/json'))
    throw new BitextError('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch (error) {
    throw new BitextError('BAD_REQUEST', `the body is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BitextError('BAD_REQUEST', 'the body must be a JSON object');
  return value as Record<string, unknown>;
}

/** The files of a multipart/form-data body, by field name, each as bytes with its file name. */
export async function readUploads(c: Context): Promise<Map<string, DocumentInput>> {
  if (!isType(c, 'multipart/form-data'))
    throw new BitextError('UNSUPPORTED_MEDIA_TYPE', 'send files as multipart/form-data');
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch (error) {
    throw new BitextError('BAD_REQUEST', `the multipart body cannot be read: ${(error as Error).message}`);
  }
  const files = new Map<string, DocumentInput>();
  for (const [field, value] of Object.entries(body)) {
    if (value instanceof File)
      files.set(field, { name: value.name || field, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return files;
}

export function isType(c: Context, type: string): boolean {
  return (c.req.header('content-type') ?? '').toLowerCase().split(';')[0]!.trim() === type;
}

/** A string field of a JSON body, required unless `optional`. */
export function stringField(body: Record<string, unknown>, field: string): string;
export function stringField(body: Record<string, unknown>, field: string, optional: true): string | undefined;
export function stringField(
  body: Record<string, unknown>,
  field: string,
  optional = false,
): string | undefined {
  const value = body[field];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string') throw new BitextError('BAD_REQUEST', `"${field}" must be a string`);
  return value;
}

/** A query parameter as a number in [min, max], or its default. */
export function numberParam(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new BitextError('BAD_REQUEST', `${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return n;
}
