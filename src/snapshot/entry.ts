/**
 * The startup snapshot's program (built by scripts/build-snapshot.mjs): it
 * loads every module, then renders the bundled Kiến Minh set once, so that
 * the fonts are parsed and their tables decoded, and forgets what it read
 * of templates/ before the heap is written. A process started from the
 * snapshot runs the command line on its arguments.
 */
import './native-later.js';
import v8 from 'node:v8';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderAll } from '../api.js';
import { run } from '../cli/run.js';
import { packageRoot } from '../paths.js';
import { forgetTemplates } from '../template-memo.js';

if (v8.startupSnapshot.isBuildingSnapshot()) {
  const fixture = (name: string) => readFileSync(resolve(packageRoot, 'fixtures/kien-minh-2025', name), 'utf8');
  renderAll(fixture('campaign.yaml'), fixture('ket-qua.yaml')).then(
    () => v8.startupSnapshot.addSerializeCallback(forgetTemplates),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
  // Node puts its own options and the snapshot's path aside: the arguments follow the program's path.
  v8.startupSnapshot.setDeserializeMainFunction(() => run(process.argv.slice(1)));
}
