// The CLI from the sources, as its own process (bin/bitext.js runs the build in dist/): for tests
// that need real processes, such as two imports racing for one TM.
import { nodeIo } from '../../src/cli/node-io.js';
import { run } from '../../src/cli/run.js';

process.exitCode = await run(process.argv.slice(2), nodeIo());
