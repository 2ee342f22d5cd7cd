/** The package's Word template restyled as a clerk would, for tests of what the template changes. */
import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { DEFAULT_TEMPLATE } from '../../src/render/docx.js';
import { generateZip } from '../../src/docx/package.js';

/** The template with its styles and its body (where the page is set) edited. */
export const restyled = (edit: (styles: string, document: string) => [string, string]): Buffer => {
  const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
  const [styles, document] = edit(zip.file('word/styles.xml')!.asText(), zip.file('word/document.xml')!.asText());
  zip.file('word/styles.xml', styles);
  zip.file('word/document.xml', document);
  return generateZip(zip);
};

/** A style's element, to change one property of it. */
export const inStyle = (styles: string, id: string, edit: (style: string) => string): string =>
  styles.replace(new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`), (s) => edit(s));

/** Margins of 25, 25, 35 and 20 mm (the package's are 20, 20, 30 and 15): a narrower text area. */
export const wideMargins = (): Buffer =>
  restyled((s, d) => {
    const page = d.replace(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/, 'w:top="1417" w:right="1134" w:bottom="1417" w:left="1984"');
    if (page === d) throw new Error('the template sets its margins otherwise: this edit no longer applies');
    return [s, page];
  });
