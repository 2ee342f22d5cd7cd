/**
 * The web page for clerks (`GET /`): a static shell in Vietnamese
 * (templates/web/index.html, through handlebars for the level choices and the
 * version), its script and style, and pdf.js from its npm package for the
 * previews. Every asset is read once, as the server starts, and served from
 * this origin: the page needs no network beyond the server (its Content
 * Security Policy says so to the browser).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { LEVELS, type Issuer } from '../model/schema.js';
import { issuerWords } from '../phrases/words.js';
import { upperFirst } from '../format/text.js';
import { templatesDir } from '../paths.js';
import { docsUiFile } from './docs-ui.js';

export interface Asset {
  type: string;
  content: Buffer;
}

const webDir = join(templatesDir, 'web');
const require = createRequire(import.meta.url);

/** Served under /assets/: the page's own files and pdf.js (its display layer and its worker). */
const ASSETS: Record<string, { file: string; type: string }> = {
  'app.js': { file: join(webDir, 'app.js'), type: 'text/javascript; charset=utf-8' },
  'app.css': { file: join(webDir, 'app.css'), type: 'text/css; charset=utf-8' },
  'pdf.min.mjs': { file: require.resolve('pdfjs-dist/build/pdf.min.mjs'), type: 'text/javascript; charset=utf-8' },
  'pdf.worker.min.mjs': { file: require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), type: 'text/javascript; charset=utf-8' },
  // The interactive API reference at /docs.
  'docs.js': { file: join(webDir, 'docs.js'), type: 'text/javascript; charset=utf-8' },
  'swagger-ui-bundle.js': { file: docsUiFile('swagger-ui-bundle.js'), type: 'text/javascript; charset=utf-8' },
  'swagger-ui.css': { file: docsUiFile('swagger-ui.css'), type: 'text/css; charset=utf-8' },
};

/** Only this origin; pdf.js draws pages on canvases and runs its worker from here. */
export const PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The levels a starter can be made for, each with its word ("Xã", "Thành phố (thanh-pho)" where two share one). */
function levelChoices(): { id: string; name: string }[] {
  const words = LEVELS.map((id) => upperFirst(issuerWords({ level: id, kind: 'people-committee', words: {} } as Issuer).level));
  return LEVELS.map((id, i) => ({ id, name: words.indexOf(words[i]) === words.lastIndexOf(words[i]) ? words[i] : `${words[i]} (${id})` }));
}

const shell = (name: string, values: object): Buffer => Buffer.from(Handlebars.compile(readFileSync(join(webDir, name), 'utf8'), { strict: true })(values));

/** The page, the API reference's page, and the assets they load. */
export function pageFiles(version: string): { html: Buffer; docs: Buffer; assets: Map<string, Asset> } {
  const html = shell('index.html', { version, levels: levelChoices(), year: new Date().getFullYear() });
  const docs = shell('docs.html', { version });
  const assets = new Map(Object.entries(ASSETS).map(([name, a]) => [name, { type: a.type, content: readFileSync(a.file) }]));
  return { html, docs, assets };
}
