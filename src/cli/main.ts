// What bin/bitext.js runs, in one module: the entry scripts/bundle-cli.ts bundles for each command.
export { removeTempFilesSync } from '../io/atomic-write.js';
export { nodeIo } from './node-io.js';
export { run } from './run.js';
