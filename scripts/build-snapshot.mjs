/**
 * Builds the startup snapshot the command line starts its rendering commands
 * from (src/snapshot/): dist/snapshot/entry.js bundled into one script, as
 * Node's snapshot builder takes, then run by it into
 * dist/snapshot/thidua.blob, with meta.json saying for which Node and folder.
 * Run after tsc by `npm run build`: node scripts/build-snapshot.mjs [dist].
 * A Node that cannot build it leaves no snapshot, and the commands run
 * without one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

// The build to make it of: dist/ unless named (the tests build one of their own).
const dist = resolve(process.argv[2] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../dist'));
const root = dirname(dist);
const dir = resolve(dist, 'snapshot');
const bundle = resolve(dir, 'thidua.cjs');
const blob = resolve(dir, 'thidua.blob');
const meta = resolve(dir, 'meta.json');
for (const f of [bundle, blob, meta]) rmSync(f, { force: true });

/**
 * Each module keeps its own place: import.meta.url, __dirname and __filename
 * name the file the module came from, not the bundle. Our modules' own
 * `require` (made with createRequire, to reach pdfmake's internals and
 * fontkit's CommonJS build) becomes the bundler's, so that those modules are
 * bundled too; require.resolve, of font files, resolves at run time.
 */
const inPlace = {
  name: 'in-place',
  setup(build) {
    build.onLoad({ filter: /\.(c|m)?js$/ }, (args) => {
      const url = JSON.stringify(pathToFileURL(args.path).href);
      let text = readFileSync(args.path, 'utf8').replaceAll('import.meta.url', url);
      if (!/\b(var|let|const|function)\s+__(dirname|filename)\b/.test(text)) {
        text = text
          .replace(/(?<![\w$.'"`])__dirname(?![\w$'"`])/g, JSON.stringify(dirname(args.path)))
          .replace(/(?<![\w$.'"`])__filename(?![\w$'"`])/g, JSON.stringify(args.path));
      }
      if (args.path.startsWith(`${dist}/`)) {
        text = text.replace(/^const require = createRequire\([^)]*\);$/m, '').replace(/\brequire\.resolve\(/g, '__resolve(');
      }
      return { contents: text, loader: 'js' };
    });
  },
};

const built = await esbuild.build({
  entryPoints: [resolve(dir, 'entry.js')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: `node${process.versions.node.split('.')[0]}`,
  write: false,
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: 'const __resolve = require("node:module").createRequire(__filename).resolve;' },
  plugins: [inPlace],
  logLevel: 'error',
});
// One-byte source: a script with one character past Latin-1 is held as two bytes a character, in every started process.
const source = built.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(bundle, source);

/** A larger young generation: a run makes many short-lived objects (measured: a tenth less time). The started process must be given it too. */
const flags = ['--max-semi-space-size=32'];
const r = spawnSync(process.execPath, [...flags, '--snapshot-blob', blob, '--build-snapshot', bundle], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (r.status !== 0) {
  rmSync(blob, { force: true });
  console.warn(`build-snapshot: no startup snapshot, the commands will load their modules each time (Node ${process.version}):\n${(r.stderr || r.error?.message || '').slice(-4000)}`);
} else {
  writeFileSync(meta, `${JSON.stringify({ node: process.version, arch: process.arch, root, flags, bytes: statSync(blob).size }, null, 2)}\n`);
}
