/**
 * The Word template: the committed file is what the layout numbers make, a
 * clerk's restyled copy is honoured, and a broken one is refused clearly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { templateParts } from '../src/docx/template.js';
import { generateZip, zipFromParts } from '../src/docx/package.js';
import { DEFAULT_TEMPLATE, TemplateError, renderDocx } from '../src/render/docx.js';
import { docxPart, docxParagraphs, renderFixturePlan, styleProps } from './support/documents.js';

const withPart = (path: string, edit: (xml: string) => string): Buffer => {
  const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
  zip.file(path, edit(zip.file(path)!.asText()));
  return generateZip(zip);
};

describe('templates/van-ban.docx', () => {
  it('is up to date with src/layout.ts (run `npm run templates` after changing the layout)', () => {
    expect(generateZip(zipFromParts(templateParts())).equals(readFileSync(DEFAULT_TEMPLATE))).toBe(true);
  });

  it('a restyled copy passed with --template changes the output style, not the words', async () => {
    const { view, docx } = await renderFixturePlan();
    const restyled = withPart('word/styles.xml', (xml) =>
      xml.replace(/(<w:style [^>]*w:styleId="TDBody">.*?<w:sz w:val=")28("\/>)/, '$126$2'),
    );
    const out = renderDocx(view, { name: 'restyled.docx', content: restyled });
    expect(styleProps(docxPart(out, 'word/styles.xml'), 'TDBody').size).toBe(13);
    expect(docxParagraphs(out)).toEqual(docxParagraphs(docx));
  });

  it('a template with a broken tag is refused with what is wrong', async () => {
    const { view } = await renderFixturePlan();
    const broken = withPart('word/document.xml', (xml) => xml.replace('{typeTitle}', '{typeTitle'));
    expect(() => renderDocx(view, { name: 'broken.docx', content: broken })).toThrow(TemplateError);
    try {
      renderDocx(view, { name: 'broken.docx', content: broken });
    } catch (e) {
      expect((e as TemplateError).details.join(' ')).toMatch(/typeTitle/);
    }
  });

  it('a file that is not a DOCX is refused', () => {
    expect(() => renderDocx({} as never, { name: 'x.docx', content: Buffer.from('not a zip') })).toThrow(TemplateError);
  });

  it('user text that looks like template code or XML is printed as typed', async () => {
    const { view } = await renderFixturePlan();
    const tricky = '{{summary}} {#body} {@summaryRule} <w:p> & "quotes"';
    const out = renderDocx(
      { ...view, body: [{ role: 'body', text: tricky }, ...view.body] },
      { name: 'van-ban.docx', content: readFileSync(DEFAULT_TEMPLATE) },
    );
    expect(docxParagraphs(out)).toContain(tricky);
  });
});
