/**
 * The clerk's web page, end to end in a real headless Chromium (Debian's,
 * driven by playwright-core): open the fixture, see its documents and page
 * counts, preview one, download DOCX and PDF byte-identical to the CLI's,
 * see a broken file's problems at their lines and cells, edit the signer and
 * find the name in the regenerated PDF, by keyboard alone, on a phone, and
 * with no request leaving the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { parse } from 'yaml';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { PDFParse } from 'pdf-parse';
import { buildServer, type Server } from '../src/server/app.js';
import { campaignWorkbook } from '../src/workbook/campaign-workbook.js';
import { FIXTURE, cliSandbox } from './support/cli.js';

const RESULTS = join(FIXTURE, '..', 'ket-qua.yaml');
const CHROMIUM = '/usr/bin/chromium';
const SLOW = 180_000;
const campaignText = readFileSync(FIXTURE, 'utf8');

const sandbox = cliSandbox('web', SLOW);
let cliOut: string;
const cliFile = (name: string) => readFileSync(join(cliOut, name));
let manifest: { documents: { kind: string; unit?: string; pages: number; files: { docx: string; pdf: string } }[] };

let server: Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every URL the page asked for. */
let requested: string[];

beforeAll(async () => {
  cliOut = sandbox.freshDir('cli-all');
  const r = sandbox.thidua('all', FIXTURE, '--out', cliOut);
  expect(r.status, r.stderr).toBe(0);
  manifest = JSON.parse(readFileSync(join(cliOut, 'manifest.json'), 'utf8'));
  server = await buildServer({ logger: false });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}, SLOW);

afterAll(async () => {
  await browser?.close();
  await server?.app.close();
});

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  page = await context.newPage();
  requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(base);
});

const upload = (files: Parameters<Page['setInputFiles']>[1]) => page.setInputFiles('#files', files);
const yamlFile = (name: string, text: string) => ({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
const documentRows = () => page.locator('#document-rows tr');
const status = () => page.locator('#status');

async function openFixture(): Promise<void> {
  await upload([FIXTURE, RESULTS]);
  await expect.poll(() => documentRows().count(), { timeout: 60_000 }).toBe(manifest.documents.length);
}

/** A row's button, by the document's name and the button's label. */
const rowButton = (name: string, label: string) => documentRows().filter({ has: page.locator('.doc-name', { hasText: new RegExp(`^${name}$`) }) }).getByRole('button', { name: label, exact: false });

async function downloaded(click: () => Promise<void>): Promise<{ name: string; content: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), content: readFileSync((await d.path())!) };
}

async function pdfText(content: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(content) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('the page', () => {
  it('is served at / in Vietnamese, with its assets from the server', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect.poll(() => page.locator('h2#open-title').textContent()).toBe('1. Mở đợt thi đua');
    const r = await fetch(`${base}/`);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${base}/assets/none.js`)).status).toBe(404);
  });

  it('opens the fixture and its results: every document with its page count, and the sample warnings at their lines', async () => {
    await openFixture();
    const names = await page.locator('#document-rows .doc-name').allTextContents();
    expect(names[0]).toBe('Kế hoạch Ủy ban nhân dân xã Kiến Minh');
    expect(names).toContain('Kế hoạch Công an xã');
    expect(names.at(-1)).toBe('Báo cáo tổng kết Ủy ban nhân dân xã Kiến Minh');
    const pages = (await page.locator('#document-rows .pages-count').allTextContents()).map(Number);
    expect(pages).toEqual(manifest.documents.map((d) => d.pages));
    await expect.poll(() => status().textContent()).toBe(`Đã tạo ${manifest.documents.length} văn bản; có 2 cảnh báo.`);
    // Warnings apart from errors, grouped by part, each at its place in the file, with the field in words.
    await expect.poll(() => page.locator('.severity.error').count()).toBe(0);
    const warning = page.locator('.severity.warning li', { hasText: 'đơn vị "thon-3" chưa báo cáo' });
    expect(await warning.locator('.place').textContent()).toMatch(/^ket-qua\.yaml, dòng \d+, cột \d+$/);
    expect(await warning.locator('.field').textContent()).toBe('Ngày đơn vị gửi báo cáo');
    expect(await page.locator('.severity.warning h4').first().textContent()).toBe('Kết quả');
  });

  it('previews a document: its pages drawn in the browser, closed with Esc', async () => {
    await openFixture();
    await rowButton('Kế hoạch Công an xã', 'Xem trước').click();
    const dialog = page.locator('dialog#preview');
    await expect.poll(() => dialog.getAttribute('data-rendered'), { timeout: 30_000 }).toBe(String(manifest.documents.find((d) => d.unit === 'cong-an-xa')!.pages));
    const canvases = dialog.locator('canvas');
    expect(await canvases.count()).toBe(manifest.documents.find((d) => d.unit === 'cong-an-xa')!.pages);
    // Each page has ink: a share of its pixels is dark (text), none is blank.
    const inked = await canvases.evaluateAll((cs) =>
      (cs as HTMLCanvasElement[]).map((c) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 128) dark++;
        return dark / (c.width * c.height);
      }),
    );
    for (const share of inked) expect(share).toBeGreaterThan(0.005);
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('downloads a DOCX and a PDF byte-identical to the CLI\'s, and the whole set as a ZIP', async () => {
    await openFixture();
    const docx = await downloaded(() => rowButton('Kế hoạch Ủy ban nhân dân xã Kiến Minh', 'DOCX').click());
    expect(docx.name).toBe('Kế hoạch Ủy ban nhân dân xã Kiến Minh.docx');
    expect(docx.content.equals(cliFile('ke-hoach.docx'))).toBe(true);
    const pdf = await downloaded(() => rowButton('Kế hoạch Phòng Kinh tế', 'PDF').click());
    expect(pdf.name).toBe('Kế hoạch Phòng Kinh tế.pdf');
    expect(pdf.content.equals(cliFile('don-vi/phong-kinh-te.pdf'))).toBe(true);
    const report = await downloaded(() => rowButton('Báo cáo tổng kết Ủy ban nhân dân xã Kiến Minh', 'PDF').click());
    expect(report.content.equals(cliFile('bao-cao-tong-ket.pdf'))).toBe(true);
    const zip = await downloaded(() => page.getByRole('button', { name: 'Tải cả bộ' }).click());
    expect(zip.name).toBe('kien-minh-2025.zip');
    const entries = new PizZip(zip.content).files;
    for (const d of manifest.documents) for (const f of Object.values(d.files)) expect(entries[f].asNodeBuffer().equals(cliFile(f))).toBe(true);
  });

  it('shows a broken YAML file\'s problems at their lines, grouped, and no documents', async () => {
    const lines = campaignText.split('\n');
    const at = lines.findIndex((l) => /^ {4}position: CHỦ TỊCH/.test(l));
    expect(at).toBeGreaterThan(0);
    lines[at] = '    position: Chủ tịch';
    await upload(yamlFile('campaign.yaml', lines.join('\n')));
    const problem = page.locator('.severity.error li').first();
    await expect.poll(() => problem.locator('.place').textContent(), { timeout: 30_000 }).toBe(`campaign.yaml, dòng ${at + 1}, cột 5`);
    expect(await problem.locator('.field').textContent()).toBe('Chức vụ người ký');
    expect(await page.locator('.severity.error h4').first().textContent()).toBe('Kế hoạch phát động');
    expect(await status().textContent()).toMatch(/^Có 1 lỗi cần sửa trước khi tạo văn bản/);
    expect(await page.locator('#documents').isHidden()).toBe(true);
    // A syntax error is said at its line, in words.
    await upload(yamlFile('campaign.yaml', 'id: x\nname: [unclosed\n'));
    await expect.poll(() => page.locator('.severity.error li .message').first().textContent()).toMatch(/lỗi cú pháp YAML\/JSON .*tại dòng \d+, cột \d+/);
    expect(await page.locator('.severity.error li .place').first().textContent()).toMatch(/^campaign\.yaml/);
    expect(await page.locator('#problems').textContent()).not.toContain('{');
  });

  it('shows a workbook\'s problem at its sheet and cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await campaignWorkbook(parse(campaignText))) as unknown as ArrayBuffer);
    wb.getWorksheet('Đơn vị')!.getCell('C2').value = 'phòng';
    await upload({ name: 'campaign.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    const problem = page.locator('.severity.error li').first();
    await expect.poll(() => problem.locator('.place').textContent(), { timeout: 30_000 }).toBe('campaign.xlsx, ô Đơn vị!C2');
    expect(await problem.locator('.path').textContent()).toBe('units[0].kind');
    expect(await page.locator('.severity.error h4').first().textContent()).toBe('Đơn vị: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã');
    // Bytes that are no workbook: said in words.
    await upload({ name: 'campaign.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
    await expect.poll(() => page.locator('.severity.error li .message').first().textContent()).toBe('không đọc được tệp Excel (.xlsx)');
    expect(await page.locator('.severity.error li .place').first().textContent()).toBe('campaign.xlsx');
  });

  it('regenerates the documents with the signer edited on the page: the name is in the new PDF\'s text', async () => {
    await openFixture();
    await page.getByLabel('Họ và tên người ký', { exact: true }).fill('Nguyễn Văn Bình');
    await page.getByLabel('Số văn bản').fill('125');
    await page.getByLabel('Ngày', { exact: true }).fill('15');
    await page.getByLabel('Họ và tên người ký, Công an xã').fill('Trần Văn Cường');
    await page.getByRole('button', { name: 'Áp dụng và tạo lại văn bản' }).click();
    await expect.poll(() => page.locator('#opened').textContent(), { timeout: 60_000 }).toContain('Tải tệp đợt thi đua đã sửa');
    const plan = await downloaded(() => rowButton('Kế hoạch Ủy ban nhân dân xã Kiến Minh', 'PDF').click());
    const text = await pdfText(plan.content);
    expect(text).toContain('Nguyễn Văn Bình');
    expect(text).toMatch(/Số:\s*125\/KH-UBND/);
    expect(text).toMatch(/ngày 15 tháng 9 năm 2025/);
    const police = await downloaded(() => rowButton('Kế hoạch Công an xã', 'PDF').click());
    expect(await pdfText(police.content)).toContain('Trần Văn Cường');
    // An edit the checks refuse is said as on the page, not at a line of the file.
    await page.getByLabel('Chức vụ người ký', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Áp dụng và tạo lại văn bản' }).click();
    const problem = page.locator('.severity.error li').first();
    await expect.poll(() => problem.locator('.place').textContent(), { timeout: 30_000 }).toBe('sửa trên trang');
    expect(await problem.locator('.path').textContent()).toBe('plan.signer.position');
  });

  it('starts from the starter of a level', async () => {
    await page.locator('#starter summary').click();
    await page.getByLabel('Cấp', { exact: true }).selectOption('phuong');
    await page.getByLabel('Tên địa phương hoặc cơ quan').fill('Phường Hồng Bàng');
    await page.getByRole('button', { name: 'Tạo mẫu và mở' }).click();
    await expect.poll(() => documentRows().count(), { timeout: 60_000 }).toBeGreaterThan(1);
    expect(await page.locator('#document-rows .doc-name').first().textContent()).toBe('Kế hoạch Ủy ban nhân dân phường Hồng Bàng');
    const starter = await downloaded(() => page.getByRole('button', { name: 'campaign.yaml' }).click());
    expect(starter.content.toString()).toContain('Hồng Bàng');
  });

  it('takes files dropped on it: the campaign as JSON', async () => {
    const json = JSON.stringify(parse(campaignText));
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'campaign.json', { type: 'application/json' }));
      return dt;
    }, json);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await expect.poll(() => documentRows().count(), { timeout: 60_000 }).toBe(manifest.documents.length - 1);
    expect(await page.locator('#opened').textContent()).toContain('campaign.json (đợt thi đua)');
  });

  it('says an error of the API in words: a file past the body limit', async () => {
    await upload(yamlFile('campaign.yaml', `# ${'x'.repeat(6 * 1024 * 1024)}\n`));
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toBe('Không mở được: dữ liệu gửi lên quá lớn.');
    expect(await page.locator('#documents').isHidden()).toBe(true);
  });

  it('works with the keyboard alone: open a file, preview, close', async () => {
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'files'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('files');
    // The browser opens its chooser on the key (Space, or Enter); under load the first press may come before the
    // focused input takes keys, so it is pressed again, by keyboard still.
    const chooser = await (async () => {
      for (let attempt = 0; ; attempt++) {
        const waiting = page.waitForEvent('filechooser', { timeout: 5_000 });
        await page.keyboard.press(attempt % 2 ? 'Enter' : 'Space');
        try {
          return await waiting;
        } catch (e) {
          if (attempt >= 3) throw e;
        }
      }
    })();
    await chooser.setFiles([FIXTURE, RESULTS]);
    await expect.poll(() => documentRows().count(), { timeout: 60_000 }).toBe(manifest.documents.length);
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Xem trước'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog#preview').getAttribute('data-rendered'), { timeout: 30_000 }).toBe(String(manifest.documents[0].pages));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview-close');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog#preview').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('fits a phone and a 1366×768 screen without scrolling sideways', async () => {
    for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await page.goto(base);
      await openFixture();
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${viewport.width}px`).toBeLessThanOrEqual(client);
    }
  });

  it('asks for the API key when the server wants one, and then opens the campaign', async () => {
    const key = 'khoa-cua-xa-0123456789';
    const guarded = await buildServer({ logger: false, apiKeys: [key] });
    await guarded.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = guarded.app.server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      await page.goto(`http://127.0.0.1:${address.port}/`);
      await upload([FIXTURE, RESULTS]);
      await page.locator('#key-form').waitFor({ state: 'visible' });
      expect(await status().textContent()).toBe('Không mở được: cần khóa API (Authorization: Bearer KHÓA hoặc X-API-Key).');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('api-key');
      await page.keyboard.type(key);
      await page.keyboard.press('Enter');
      await expect.poll(() => documentRows().count(), { timeout: 90_000 }).toBe(manifest.documents.length);
      const pdf = await downloaded(() => rowButton('Kế hoạch Thôn 2', 'PDF').click());
      expect(pdf.content.equals(cliFile('don-vi/thon-2.pdf'))).toBe(true);
    } finally {
      await guarded.app.close();
    }
    // A second server starts its own workers cold: on a busy 2-core machine its first campaign can take most of a minute.
  }, 120_000);

  it('serves the interactive API reference at /docs, offline: every operation, and Try it out calls this server', async () => {
    await page.goto(`${base}/docs`);
    const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as { paths: Record<string, object> };
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBe(operations);
    const healthOp = page.locator('#operations-service-getHealth');
    await healthOp.locator('.opblock-summary').click();
    await healthOp.getByRole('button', { name: 'Execute' }).click();
    await expect.poll(() => healthOp.locator('.live-responses-table tr.response .response-col_status').first().textContent(), { timeout: 30_000 }).toBe('200');
    expect(await healthOp.locator('.live-responses-table').textContent()).toContain('"status": "ok"');
    for (const url of requested) expect(url.startsWith(`${base}/`), url).toBe(true);
  });

  it('asks nothing of any other origin', async () => {
    await openFixture();
    await rowButton('Kế hoạch Thôn 1', 'Xem trước').click();
    await expect.poll(() => page.locator('dialog#preview').getAttribute('data-rendered'), { timeout: 30_000 }).not.toBeNull();
    expect(requested.length).toBeGreaterThan(5);
    for (const url of requested) expect(url.startsWith(`${base}/`) || url.startsWith('blob:') || url.startsWith('data:'), url).toBe(true);
  });
});
