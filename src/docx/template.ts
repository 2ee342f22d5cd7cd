/**
 * The Word template (templates/van-ban.docx) as OOXML, generated from the
 * layout numbers so that the DOCX and the PDF share them. A clerk may open
 * the generated file in Word, restyle its paragraph styles ("TD ...") and
 * pass it back with --template; the docxtemplater tags in it ({summary},
 * {#blocks} ...) are what the renderer fills.
 */
import { LEAD_STYLES, TEXT_ROLES } from '../view/document.js';
import { columnWidths, layout, mmToTwips, ptToTwips, type RunStyleName, type StyleName, type TextStyle } from '../layout.js';
import { z } from 'zod';
import { dataFile } from '../phrases/data-file.js';

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Word style id of a layout style: "TDSection", "TDLeadClause". */
export const styleId = (name: StyleName | RunStyleName): string => `TD${name[0].toUpperCase()}${name.slice(1)}`;

/** The DOCX font for every script. */
const fonts = (): string => {
  const f = layout.font.docx;
  return `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:cs="${f}" w:eastAsia="${f}"/>`;
};

/** Run properties of a style, in schema order. */
function rPr(s: Pick<TextStyle, 'bold' | 'italic' | 'size'>): string {
  const half = Math.round(s.size * 2);
  return (
    `<w:rPr>${fonts()}` +
    (s.bold ? '<w:b/><w:bCs/>' : '') +
    (s.italic ? '<w:i/><w:iCs/>' : '') +
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/></w:rPr>`
  );
}

/** Paragraph properties of a style, in schema order. */
function pPr(s: TextStyle): string {
  const jc = s.align === 'justify' ? 'both' : s.align;
  return (
    '<w:pPr>' +
    (s.keepNext ? '<w:keepNext/>' : '') +
    `<w:spacing w:before="${ptToTwips(s.before)}" w:after="0" w:line="${ptToTwips(s.line)}" w:lineRule="exact"/>` +
    (s.indent < 0
      ? `<w:ind w:left="${mmToTwips(-s.indent)}" w:right="0" w:hanging="${mmToTwips(-s.indent)}"/>`
      : `<w:ind w:left="0" w:right="0" w:firstLine="${mmToTwips(s.indent)}"/>`) +
    `<w:jc w:val="${jc}"/>` +
    '</w:pPr>'
  );
}

export const STYLE_NAMES: Record<StyleName, string> = {
  issuerParent: 'TD Issuer Parent',
  issuer: 'TD Issuer',
  issuerMark: 'TD Issuer Mark',
  nationalName: 'TD National Name',
  motto: 'TD Motto',
  number: 'TD Number',
  placeDate: 'TD Place Date',
  docType: 'TD Document Type',
  summary: 'TD Summary',
  section: 'TD Section',
  clause: 'TD Clause',
  subclause: 'TD Subclause',
  body: 'TD Body',
  basis: 'TD Legal Basis',
  closing: 'TD Closing',
  recipientsTitle: 'TD Recipients Title',
  recipient: 'TD Recipient',
  signer: 'TD Signer',
  signerName: 'TD Signer Name',
  pageNumber: 'TD Page Number',
  addressee: 'TD Addressee',
  appendixLabel: 'TD Appendix Label',
  appendixTitle: 'TD Appendix Title',
  appendixNote: 'TD Appendix Note',
  tableHeader: 'TD Table Header',
  tableCell: 'TD Table Cell',
};

/** The rule lines' paragraph style: their thickness (its top border), the space above them and their height, as a clerk may restyle them. */
export const RULE_STYLE = { id: 'TDRule', name: 'TD Rule' } as const;

const ruleStyleXml = (): string => {
  const r = layout.rule;
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${RULE_STYLE.id}"><w:name w:val="${RULE_STYLE.name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:pBdr><w:top w:val="single" w:sz="${Math.round(r.width * 8)}" w:space="0" w:color="000000"/></w:pBdr>` +
    `<w:spacing w:before="${ptToTwips(r.offset)}" w:after="0" w:line="${ptToTwips(r.gap)}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>` +
    `<w:rPr><w:sz w:val="${Math.max(2, Math.round(r.gap * 2))}"/></w:rPr></w:style>`
  );
};

export const RUN_STYLE_NAMES: Record<RunStyleName, string> = {
  leadClause: 'TD Run-in Heading',
  leadPoint: 'TD Run-in Point',
};

function stylesXml(): string {
  const styles = (Object.keys(layout.styles) as StyleName[])
    .map((name) => {
      const s: TextStyle = layout.styles[name];
      return (
        `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${styleId(name)}">` +
        `<w:name w:val="${STYLE_NAMES[name]}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
        pPr(s) +
        rPr(s) +
        '</w:style>'
      );
    })
    .join('');
  // Run-in headings: character styles a clerk can restyle like the paragraph ones.
  const runs = (Object.keys(layout.runs) as RunStyleName[])
    .map((name) => {
      const r = layout.runs[name];
      return (
        `<w:style w:type="character" w:customStyle="1" w:styleId="${styleId(name)}">` +
        `<w:name w:val="${RUN_STYLE_NAMES[name]}"/><w:qFormat/><w:rPr>` +
        (r.bold ? '<w:b/><w:bCs/>' : '') +
        (r.italic ? '<w:i/><w:iCs/>' : '') +
        '</w:rPr></w:style>'
      );
    })
    .join('');
  const body = layout.styles.body;
  return (
    XML_HEAD +
    `<w:styles ${W_NS}>` +
    '<w:docDefaults><w:rPrDefault>' +
    `<w:rPr>${fonts()}` +
    `<w:sz w:val="${body.size * 2}"/><w:szCs w:val="${body.size * 2}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr>` +
    '</w:rPrDefault><w:pPrDefault><w:pPr>' +
    // Widow and orphan control, 2 lines in Word and LibreOffice (layout.minLines; pdf-keep.ts does the same in the PDF).
    '<w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>' +
    '</w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    styles +
    ruleStyleXml() +
    runs +
    '</w:styles>'
  );
}

/** A paragraph in a style holding one line of text (which may be a tag). */
const para = (style: StyleName, text = ''): string =>
  `<w:p><w:pPr><w:pStyle w:val="${styleId(style)}"/></w:pPr>` +
  (text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : '') +
  '</w:p>';

/** A loop over lines: each item of `tag` becomes one paragraph in `style`. */
const lines = (tag: string, style: StyleName): string =>
  para(style, `{#${tag}}`) + para(style, '{.}') + para(style, `{/${tag}}`);

/** Paragraph of a raw-XML tag, replaced whole by the renderer (rule lines, tables). */
const raw = (tag: string): string => `<w:p><w:r><w:t>{@${tag}}</w:t></w:r></w:p>`;

/** A paragraph of a block: its run-in heading in one of the character styles, then its text. */
const blockPara = (style: StyleName): string =>
  `<w:p><w:pPr><w:pStyle w:val="${styleId(style)}"/></w:pPr>` +
  LEAD_STYLES.map((l) => `<w:r><w:rPr><w:rStyle w:val="${styleId(l)}"/></w:rPr><w:t xml:space="preserve">{${l}}</w:t></w:r>`).join('') +
  '<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>';

/** The loop over the blocks of a body: one paragraph per text role; raw XML for tables and paragraphs with their own emphasis. */
const blockLoop = (): string =>
  para('body', '{#blocks}') +
  TEXT_ROLES.map((r) => para(r, `{#${r}}`) + blockPara(r) + para(r, `{/${r}}`)).join('') +
  para('body', '{#raw}') +
  raw('xml') +
  para('body', '{/raw}') +
  para('body', '{/blocks}');

/**
 * A borderless two-column table. LibreOffice ignores a table style's cell
 * margins, so they are stated on the table itself.
 */
function table(rows: string[][], top = 0): string {
  const [left, right] = columnWidths().map(ptToTwips);
  const none = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((b) => `<w:${b} w:val="nil"/>`)
    .join('');
  const tc = (content: string, w: number) =>
    `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${left + right}" w:type="dxa"/><w:jc w:val="left"/><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblBorders>${none}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${ptToTwips(top)}" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>` +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>' +
    `</w:tblPr><w:tblGrid><w:gridCol w:w="${left}"/><w:gridCol w:w="${right}"/></w:tblGrid>` +
    rows.map(([l, r]) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${tc(l, left)}${tc(r, right)}</w:tr>`).join('') +
    '</w:tbl>'
  );
}

const GuideText = z.string().refine((s) => !/[{}]/.test(s), { message: 'no braces: they would be template tags' });
const Guide = z.strictObject({
  title: GuideText,
  intro: z.array(GuideText),
  samples: z.record(z.string(), GuideText),
  runs: z.record(z.string(), GuideText),
  runText: GuideText,
  rule: GuideText,
  end: GuideText,
});

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The guide at the head of the template (templates/template-guide.yaml):
 * what to restyle and how, each style shown with a sample in it. It stands
 * in a {#guide} section the renderer never fills, so no document prints it.
 */
function guideXml(): string {
  const g = dataFile('template-guide.yaml', Guide);
  const styles = Object.keys(layout.styles) as StyleName[];
  const runs = Object.keys(layout.runs) as RunStyleName[];
  const missing = [...styles.filter((s) => !g.samples[s]), ...runs.filter((r) => !g.runs[r])];
  if (missing.length) throw new Error(`templates/template-guide.yaml: no sample for ${missing.join(', ')}`);
  const runPara = (r: RunStyleName) =>
    `<w:p><w:pPr><w:pStyle w:val="${styleId('body')}"/></w:pPr>` +
    `<w:r><w:rPr><w:rStyle w:val="${styleId(r)}"/></w:rPr><w:t xml:space="preserve">${xmlText(g.runs[r])}</w:t></w:r>` +
    `<w:r><w:t xml:space="preserve">${xmlText(`${g.runText} (${RUN_STYLE_NAMES[r]})`)}</w:t></w:r></w:p>`;
  return (
    para('body', '{#guide}') +
    para('docType', xmlText(g.title)) +
    g.intro.map((t) => para('body', xmlText(t))).join('') +
    styles.map((s) => para(s, xmlText(`${STYLE_NAMES[s]}: ${g.samples[s]}`))).join('') +
    runs.map(runPara).join('') +
    para('body', xmlText(`${RULE_STYLE.name}: ${g.rule}`)) +
    `<w:p><w:pPr><w:pStyle w:val="${RULE_STYLE.id}"/><w:ind w:left="2835" w:right="2835" w:firstLine="0"/></w:pPr></w:p>` +
    para('body', xmlText(g.end)) +
    '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' +
    para('body', '{/guide}')
  );
}

function documentXml(): string {
  const p = layout.page;
  const header = table([
    [lines('parent', 'issuerParent') + lines('issuer', 'issuer') + raw('issuerRule'),
      // The motto only under the national name: an organisation's own line stands alone over its rule.
      para('nationalName', '{nationalName}') + para('motto', '{#motto}') + para('motto', '{motto}') + para('motto', '{/motto}') + raw('mottoRule')],
    [para('number', '{number}'), para('placeDate', '{placeDate}')],
  ]);
  const body = blockLoop();
  const signature = Array.from({ length: layout.signatureLines }, () => para('signerName')).join('');
  const closing = table(
    [[para('recipientsTitle', '{recipientsTitle}') + lines('recipients', 'recipient'),
      lines('signerLines', 'signer') + signature +
        para('signerName', '{#signerName}') + para('signerName', '{signerName}') + para('signerName', '{/signerName}')]],
    layout.closingGap,
  );
  const sectPr =
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/>' +
    '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>' +
    `<w:pgSz w:w="${mmToTwips(p.width)}" w:h="${mmToTwips(p.height)}"/>` +
    `<w:pgMar w:top="${mmToTwips(p.margin.top)}" w:right="${mmToTwips(p.margin.right)}" ` +
    `w:bottom="${mmToTwips(p.margin.bottom)}" w:left="${mmToTwips(p.margin.left)}" ` +
    `w:header="${mmToTwips(p.headerDistance)}" w:footer="${mmToTwips(p.headerDistance)}" w:gutter="0"/>` +
    // Each section (the document, then each appendix) numbers its pages from 1, none on its first page.
    '<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>';
  const appendices =
    para('appendixLabel', '{#appendices}') +
    raw('sectionBreak') +
    para('appendixLabel', '{label}') +
    lines('title', 'appendixTitle') +
    lines('note', 'appendixNote') +
    raw('rule') +
    blockLoop() +
    para('appendixLabel', '{/appendices}');
  return (
    XML_HEAD +
    `<w:document ${W_NS}><w:body>` +
    guideXml() +
    header +
    para('docType', '{typeTitle}') +
    para('summary', '{summary}') +
    raw('summaryRule') +
    lines('addressees', 'addressee') +
    body +
    closing +
    appendices +
    sectPr +
    '</w:body></w:document>'
  );
}

/** Page numbers from page 2 on: the first page has its own, empty header. */
function headerXml(withPageNumber: boolean): string {
  const content = withPageNumber
    ? `<w:p><w:pPr><w:pStyle w:val="${styleId('pageNumber')}"/></w:pPr>` +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    : '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>';
  return XML_HEAD + `<w:hdr ${W_NS}>${content}</w:hdr>`;
}

const settingsXml = (): string =>
  XML_HEAD +
  `<w:settings ${W_NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
  '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" ' +
  'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

const contentTypesXml = (): string =>
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const rootRelsXml = (): string =>
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  '</Relationships>';

const documentRelsXml = (): string =>
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  '<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
  '<Relationship Id="rIdHeaderDefault" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>' +
  '</Relationships>';

/** Document properties; title, subject and author are filled per document. */
const coreXml = (): string =>
  XML_HEAD +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>' +
  '<dc:language>vi-VN</dc:language></cp:coreProperties>';

const appXml = (): string =>
  XML_HEAD +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>thidua</Application></Properties>';

/** Every part of the template, by path inside the DOCX package. */
export function templateParts(): Record<string, string> {
  return {
    '[Content_Types].xml': contentTypesXml(),
    '_rels/.rels': rootRelsXml(),
    'docProps/core.xml': coreXml(),
    'docProps/app.xml': appXml(),
    'word/document.xml': documentXml(),
    'word/styles.xml': stylesXml(),
    'word/settings.xml': settingsXml(),
    'word/header1.xml': headerXml(false),
    'word/header2.xml': headerXml(true),
    'word/_rels/document.xml.rels': documentRelsXml(),
  };
}

