/**
 * Writes templates/van-ban.docx from the layout numbers (src/layout.ts).
 * Run after changing the layout: npm run templates. A test checks that the
 * committed template is up to date.
 */
import { writeFileSync } from 'node:fs';
import { templateParts } from '../src/docx/template.js';
import { generateZip, zipFromParts } from '../src/docx/package.js';
import { DEFAULT_TEMPLATE } from '../src/render/docx.js';

writeFileSync(DEFAULT_TEMPLATE, generateZip(zipFromParts(templateParts())));
console.log(`wrote ${DEFAULT_TEMPLATE}`);
