/**
 * The README's pictures of the web page (`npm run screenshots`): the server
 * in this process on loopback, Debian's Chromium headless (as the tests drive
 * it), and the page in its main states: the fixture opened with its
 * documents, a preview, a broken file's problems, the quick edit, and a phone.
 * Written to docs/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildServer } from '../src/server/app.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = join(ROOT, 'fixtures/kien-minh-2025/campaign.yaml');
const RESULTS = join(ROOT, 'fixtures/kien-minh-2025/ket-qua.yaml');
const OUT = join(ROOT, 'docs/screenshots');

mkdirSync(OUT, { recursive: true });
const server = await buildServer({ logger: false });
await server.app.listen({ port: 0, host: '127.0.0.1' });
const address = server.app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });

async function shot(viewport: { width: number; height: number }, name: string, act: (page: import('playwright-core').Page) => Promise<void>, fullPage = false) {
  const page = await browser.newPage({ viewport, locale: 'vi-VN' });
  await page.goto(base);
  await act(page);
  await page.screenshot({ path: join(OUT, name), fullPage });
  console.log(join('docs/screenshots', name));
  await page.close();
}

const openFixture = async (page: import('playwright-core').Page) => {
  await page.setInputFiles('#files', [FIXTURE, RESULTS]);
  await page.locator('#document-rows tr').nth(16).waitFor();
};

const desktop = { width: 1366, height: 768 };
await shot(desktop, 'documents.png', async (page) => {
  await openFixture(page);
  await page.locator('#opened').evaluate((e) => e.scrollIntoView({ block: 'start' }));
});
await shot(desktop, 'preview.png', async (page) => {
  await openFixture(page);
  await page.getByRole('button', { name: 'Xem trước Kế hoạch Công an xã' }).click();
  await page.locator('dialog#preview[data-rendered]').waitFor();
});
await shot(desktop, 'problems.png', async (page) => {
  const text = readFileSync(FIXTURE, 'utf8').replace('    position: CHỦ TỊCH', '    position: Chủ tịch').replace('abbreviation: UBND', 'abbreviation: ""');
  await page.setInputFiles('#files', { name: 'campaign.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await page.locator('.severity.error li').first().waitFor();
});
await shot(desktop, 'edit.png', async (page) => {
  await openFixture(page);
  await page.getByLabel('Họ và tên người ký', { exact: true }).fill('Nguyễn Văn Bình');
  await page.locator('#edit').scrollIntoViewIfNeeded();
});
await shot({ width: 390, height: 844 }, 'phone.png', async (page) => {
  await openFixture(page);
  await page.locator('#documents').scrollIntoViewIfNeeded();
});

await browser.close();
await server.app.close();
