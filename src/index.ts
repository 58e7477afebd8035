// bitext library API. The CLI is built on exactly these functions.
export * from './core/errors.js';
export * from './core/types.js';
