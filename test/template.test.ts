/**
 * The Word template: the committed file is what the layout numbers make, a
 * clerk's restyled copy is honoured, and a broken one is refused clearly.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { RULE_STYLE, RUN_STYLE_NAMES, STYLE_NAMES, styleId, templateParts } from '../src/docx/template.js';
import { generateZip, zipFromParts } from '../src/docx/package.js';
import { DEFAULT_TEMPLATE, TemplateError, docxTemplate, renderDocx } from '../src/render/docx.js';
import { renderBatch } from '../src/batch/run.js';
import { LIMITS } from '../src/model/limits.js';
import { typographicQuotes } from '../src/format/text.js';
import { cutBlockLoops } from '../src/docx/block-loop.js';
import { TEXT_ROLES } from '../src/view/document.js';
import { docxPart, docxParagraphs, renderFixturePlan, styleProps } from './support/documents.js';

const withPart = (path: string, edit: (xml: string) => string): Buffer => {
  const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
  zip.file(path, edit(zip.file(path)!.asText()));
  return generateZip(zip);
};

const withFile = (path: string, content: Buffer): Buffer => {
  const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
  zip.file(path, content);
  return generateZip(zip);
};

/** The package with one entry's uncompressed size rewritten, in its local header and in the central directory. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const fileName = Buffer.from(name);
  for (const [signature, nameAt, sizeAt] of [[0x04034b50, 30, 22], [0x02014b50, 46, 24]]) {
    for (let i = out.indexOf(fileName); i >= 0; i = out.indexOf(fileName, i + 1)) {
      const header = i - nameAt;
      if (header >= 0 && out.readUInt32LE(header) === signature) out.writeUInt32LE(size, header + sizeAt);
    }
  }
  return out;
}

describe('templates/van-ban.docx', () => {
  it('is up to date with src/layout.ts (run `npm run templates` after changing the layout)', () => {
    expect(generateZip(zipFromParts(templateParts())).equals(readFileSync(DEFAULT_TEMPLATE))).toBe(true);
  });

  it.each([...Object.entries(STYLE_NAMES), ...Object.entries(RUN_STYLE_NAMES), ['rule', RULE_STYLE.name]])('refuses a template without its style %s ("%s"), naming it', (name, shown) => {
    const id = name === 'rule' ? RULE_STYLE.id : styleId(name as keyof typeof STYLE_NAMES);
    const without = withPart('word/styles.xml', (x) => x.replace(new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`), ''));
    expect(() => docxTemplate('mau.docx', without)).toThrow(`the style "${shown}" is missing`);
  });

  it('opens in Word with a guide in Vietnamese: each style shown with a sample in it; no document prints it', async () => {
    const xml = new PizZip(readFileSync(DEFAULT_TEMPLATE)).file('word/document.xml')!.asText();
    const paragraphs = [...xml.matchAll(/<w:p>(?:<w:pPr><w:pStyle w:val="(\w+)"\/><\/w:pPr>)?(.*?)<\/w:p>/g)].map((m) => ({ style: m[1], text: m[2].replace(/<[^>]+>/g, '') }));
    expect(paragraphs.map((p) => p.text)).toContain('HƯỚNG DẪN SỬA MẪU');
    for (const [name, shown] of Object.entries(STYLE_NAMES)) {
      expect(paragraphs.find((p) => p.text.startsWith(`${shown}: `))?.style, shown).toBe(styleId(name as keyof typeof STYLE_NAMES));
    }
    const { docx } = await renderFixturePlan();
    expect(docxParagraphs(docx).join('\n')).not.toMatch(/HƯỚNG DẪN|TD Body|Hết phần hướng dẫn/);
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
    ['a motto printed always (a template from before the organisations\' profiles)', () => withPart('word/document.xml', (x) => x.replace('{#motto}', '').replace('{/motto}', '')), /\{#motto\}…\{\/motto\} section/],
    ['parts that inflate to 40 MB', () => withFile('word/media/image1.png', Buffer.alloc(40 * 1024 * 1024)), /inflate to 40\.\d MB, at most 32\.0 MB/],
    ['more parts than a package may hold', () => {
      const zip = new PizZip(readFileSync(DEFAULT_TEMPLATE));
      for (let i = 0; i < LIMITS.templateEntries; i++) zip.file(`customXml/item${i}.xml`, '<a/>');
      return generateZip(zip);
    }, /\d+ parts in the package, at most 500/],
    ['a part that inflates past the size its package declares', () => {
      const zip = withFile('word/media/image1.png', Buffer.alloc(20 * 1024 * 1024));
      return declareSize(zip, 'word/media/image1.png', 1000);
    }, /word\/media\/image1\.png: damaged, or larger than its package says/],
    ['the "TD Signer" style deleted', () => withPart('word/styles.xml', (x) => x.replace(/<w:style [^>]*w:styleId="TDSigner">.*?<\/w:style>/, '')), /thiếu kiểu \(style\) "TD Signer".* \/ the style "TD Signer" is missing/],
    ['the run-in heading style deleted', () => withPart('word/styles.xml', (x) => x.replace(/<w:style [^>]*w:styleId="TDLeadClause">.*?<\/w:style>/, '')), /the style "TD Run-in Heading" is missing/],
    ['the body in 16 pt', () => withPart('word/styles.xml', (x) => x.replace(/(<w:style [^>]*w:styleId="TDBody">.*?<w:sz w:val=")28("\/>)/, '$132$2')), /kiểu "TD Body": cỡ chữ 16, Nghị định 30 quy định 13–14 \/ style "TD Body": 16 pt, Decree 30 asks for 13–14 pt/],
    ['the recipients in 12 pt', () => withPart('word/styles.xml', (x) => x.replace(/(<w:style [^>]*w:styleId="TDRecipient">.*?<w:sz w:val=")22("\/>)/, '$124$2')), /style "TD Recipient": 12 pt, Decree 30 asks for 11 pt/],
    ['the issuer not bold', () => withPart('word/styles.xml', (x) => x.replace(/(<w:style [^>]*w:styleId="TDIssuer">.*?)<w:b\/>/, '$1<w:b w:val="0"/>')), /style "TD Issuer": Decree 30 asks for it bold/],
    ['every text in Arial', () => withPart('word/styles.xml', (x) => x.replaceAll('Times New Roman', 'Arial')), /style "TD Body": font Arial, Decree 30 asks for Times New Roman/],
    ['a left margin of 20 mm', () => withPart('word/document.xml', (x) => x.replace(/w:left="1701"/, 'w:left="1134"')), /lề trái 20 mm, Nghị định 30 quy định 30–35 mm \/ left margin 20 mm/],
    ['Letter paper', () => withPart('word/document.xml', (x) => x.replace('<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="12240" w:h="15840"/>')), /paper 215,9 × 279,4 mm, Decree 30 asks for A4 portrait/],
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

  const FIELDS = ['text', 'leadClause', 'leadPoint'];
  const TEXT_TAG = '<w:t xml:space="preserve">{text}</w:t>';
  it.each<[string, (xml: string) => string]>([
    // A tag split across two runs, as Word splits a word it marks.
    ['a tag split across runs', (xml) => xml.replaceAll(TEXT_TAG, '<w:t xml:space="preserve">{te</w:t></w:r><w:r><w:t xml:space="preserve">xt}</w:t>')],
    // As Word saves a text with no space at its ends: docxtemplater preserves the spaces inside a loop.
    ['a text not space-preserved', (xml) => xml.replaceAll(TEXT_TAG, '<w:t>{text}</w:t>')],
    // Looked up in the outer scopes by docxtemplater.
    ['another tag than a block\'s fields', (xml) => xml.replaceAll(TEXT_TAG, '<w:t xml:space="preserve">{text} [{typeTitle}]</w:t>')],
    // Kept by docxtemplater from a tag's own paragraph.
    ['a page break in a tag\'s paragraph', (xml) => xml.replace('<w:t xml:space="preserve">{/body}</w:t></w:r>', '<w:t xml:space="preserve">{/body}</w:t></w:r><w:r><w:br w:type="page"/></w:r>')],
  ])('leaves the block loops to docxtemplater where the template has %s, with its bytes', async (_, edit) => {
    const { view } = await renderFixturePlan();
    const edited = withPart('word/document.xml', (xml) => {
      const out = edit(xml);
      expect(out).not.toBe(xml);
      return out;
    });
    expect(cutBlockLoops(new PizZip(edited).file('word/document.xml')!.asText(), TEXT_ROLES, FIELDS)).toBeUndefined();
    const template = docxTemplate('edited.docx', edited);
    expect(renderDocx(view, template).equals(renderDocx(view, template, 'docxtemplater'))).toBe(true);
  });

  it('fills the block loops of the template as built, as docxtemplater does: quotes, line breaks, empty fields', async () => {
    const { view } = await renderFixturePlan();
    const built = readFileSync(DEFAULT_TEMPLATE);
    const cut = cutBlockLoops(new PizZip(built).file('word/document.xml')!.asText(), TEXT_ROLES, FIELDS);
    expect([...cut!.loop.keys()].sort()).toEqual([...TEXT_ROLES, 'raw'].sort());
    expect(cut!.xml).toContain('{@blocksXml}');
    expect(cut!.xml).not.toContain('{#blocks}');
    const odd = { ...view, body: [{ role: 'body' as const, text: `"Tin" & <b>'s\nhai dòng` }, { role: 'clause' as const, text: '', lead: { text: '1.', style: 'leadClause' as const } }, ...view.body] };
    const t = docxTemplate('van-ban.docx', built);
    expect(renderDocx(odd, t).equals(renderDocx(odd, t, 'docxtemplater'))).toBe(true);
  });

  it('user text that looks like template code or XML is printed as typed', async () => {
    const { view } = await renderFixturePlan();
    const tricky = '{{summary}} {#body} {@summaryRule} <w:p> & "quotes"';
    const out = renderDocx(
      { ...view, body: [{ role: 'body', text: tricky }, ...view.body] },
      docxTemplate('van-ban.docx', readFileSync(DEFAULT_TEMPLATE)),
    );
    // Printed as typed, its quotes typographic.
    expect(docxParagraphs(out)).toContain(typographicQuotes(tricky));
  });
});

describe('generateZip', () => {
  it('deflates a part it has deflated before to the same bytes, and a part alike in length and sampled bytes to its own', () => {
    // Alike at the bytes the kept deflations are keyed by (the first, middle and last four), unlike at byte 10.
    const a = 'a'.repeat(100);
    const b = `${'a'.repeat(10)}b${'a'.repeat(89)}`;
    const parts = (text: string) => new PizZip(generateZip(zipFromParts({ 'word/document.xml': text }))).file('word/document.xml')!.asText();
    expect([parts(a), parts(b), parts(a), parts(b)]).toEqual([a, b, a, b]);
    expect(generateZip(zipFromParts({ 'x.xml': a })).equals(generateZip(zipFromParts({ 'x.xml': a })))).toBe(true);
  });
});
