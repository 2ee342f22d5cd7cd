// Part of `npm run build`: Swagger UI's files (with its licence and notice)
// into dist/vendor/swagger-ui/, from the swagger-ui-dist dev dependency,
// for /docs of the built package (src/server/docs-ui.ts says why).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_UI_FILES, DOCS_UI_VENDOR } from '../dist/server/docs-ui.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const to = join(root, DOCS_UI_VENDOR);
mkdirSync(to, { recursive: true });
for (const name of [...DOCS_UI_FILES, 'LICENSE', 'NOTICE']) copyFileSync(join(from, name), join(to, name));
