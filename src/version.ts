/** Kept in step with package.json (a test checks it); written into TMX headers as creationtoolversion. */
export const VERSION = '0.1.0';
