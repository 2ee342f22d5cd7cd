/**
 * The Word template: the committed file is what the layout numbers make, a
 * clerk's restyled copy is honoured, and a broken one is refused clearly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { templateParts } from '../src/docx/template.js';
import { generateZip, zipFromParts } from '../src/docx/package.js';
import { DEFAULT_TEMPLATE, TemplateError, docxTemplate, renderDocx } from '../src/render/docx.js';
import { renderBatch } from '../src/batch/run.js';
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
    const out = renderDocx(view, docxTemplate('restyled.docx', restyled));
    expect(styleProps(docxPart(out, 'word/styles.xml'), 'TDBody').size).toBe(13);
    expect(docxParagraphs(out)).toEqual(docxParagraphs(docx));
  });

  it('a batch renders with the template it is handed, whatever one of the same file rendered before in the process', async () => {
    const { campaign } = await renderFixturePlan();
    const restyled = withPart('word/styles.xml', (xml) =>
      xml.replace(/(<w:style [^>]*w:styleId="TDBody">.*?<w:sz w:val=")28("\/>)/, '$126$2'),
    );
    const sizes: (number | undefined)[] = [];
    // The same name, other content: the file as it was, then as the clerk saved it over.
    for (const content of [readFileSync(DEFAULT_TEMPLATE), restyled]) {
      const { documents } = await renderBatch(campaign, { plan: true, units: [], formats: ['docx'], template: docxTemplate(DEFAULT_TEMPLATE, content) });
      sizes.push(styleProps(docxPart(documents[0].files[0].content as Buffer, 'word/styles.xml'), 'TDBody').size);
    }
    expect(sizes).toEqual([14, 13]);
  });

  it.each<[string, () => Buffer, RegExp]>([
    ['an unclosed tag', () => withPart('word/document.xml', (x) => x.replace('{typeTitle}', '{typeTitle')), /typeTitle/],
    ['a misspelt tag', () => withPart('word/document.xml', (x) => x.replace('{typeTitle}', '{tpyeTitle}')), /unknown tag \{tpyeTitle\}.*missing tag \{typeTitle\}/],
    ['a tag removed', () => withPart('word/document.xml', (x) => x.replace('{summary}', '')), /^missing tag \{summary\}$/],
    ['malformed XML', () => withPart('word/document.xml', (x) => x.replace('<w:body>', '<w:body><w:p>')), /word\/document\.xml/],
    ['no main document', () => {
      const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
      zip.remove('word/document.xml');
      return generateZip(zip);
    }, /no word\/document\.xml/],
    ['not a DOCX at all', () => Buffer.from('not a zip'), /not a DOCX/],
  ])('refuses a template with %s, saying what is wrong', (_, make, reason) => {
    let error: unknown;
    try {
      docxTemplate('broken.docx', make());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).details.join('; ')).toMatch(reason);
    expect((error as TemplateError).message).toContain('broken.docx');
  });

  it('user text that looks like template code or XML is printed as typed', async () => {
    const { view } = await renderFixturePlan();
    const tricky = '{{summary}} {#body} {@summaryRule} <w:p> & "quotes"';
    const out = renderDocx(
      { ...view, body: [{ role: 'body', text: tricky }, ...view.body] },
      docxTemplate('van-ban.docx', readFileSync(DEFAULT_TEMPLATE)),
    );
    expect(docxParagraphs(out)).toContain(tricky);
  });
});
