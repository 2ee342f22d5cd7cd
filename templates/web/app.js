// The clerk's page: open a campaign's files, see its problems where they are,
// preview and download every document, edit the parts changed most. Plain
// ES module, no build step; every request goes to this server (POST /v1/open,
// the document routes, /v1/starter) and pdf.js comes from it too.

const $ = (id) => document.getElementById(id);

/** What the page holds: the files as opened, and the server's last answer. */
const state = { files: [], opened: null, edits: undefined };

/** An element with attributes and children (text is always text, never HTML). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) e.append(c);
  return e;
}

function status(text, kind = '') {
  const s = $('status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

/** An API error in words: its Vietnamese message, and the problems it names. */
async function apiError(res) {
  let body;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const message = body?.error?.message_vi ?? `máy chủ trả lời lỗi ${res.status}`;
  const err = new Error(message);
  err.problems = body?.problems ?? [];
  err.needsKey = res.status === 401;
  return err;
}

/** The API key, when the server wants one: typed once, kept for this tab only. */
const KEY = 'thidua-api-key';

async function call(path, init = {}) {
  let res;
  const key = sessionStorage.getItem(KEY);
  const headers = { ...(init.headers ?? {}), ...(key ? { authorization: `Bearer ${key}` } : {}) };
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new Error('không kết nối được máy chủ thidua: hãy kiểm tra máy chủ còn chạy');
  }
  if (!res.ok) throw await apiError(res);
  return res;
}

const postJson = (path, text) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });

/** A file as the server takes it: YAML and JSON as text, a workbook as base64. */
async function fileOf(file) {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { name: file.name, base64: btoa(bin) };
  }
  return { name: file.name, text: await file.text() };
}

async function openFiles(list) {
  const files = [...list];
  if (!files.length) return;
  if (files.length > 2) {
    status('Hãy mở nhiều nhất hai tệp: tệp đợt thi đua và tệp kết quả.', 'bad');
    return;
  }
  state.files = await Promise.all(files.map(fileOf));
  state.edits = undefined;
  await openCampaign();
}

/** Sends the files (and the page's edits) to the server and shows what comes back. */
async function openCampaign() {
  status('Đang kiểm tra dữ liệu và tạo văn bản…', 'busy');
  document.body.setAttribute('aria-busy', 'true');
  try {
    const res = await postJson('/v1/open', JSON.stringify({ files: state.files, ...(state.edits ? { edits: state.edits } : {}) }));
    state.opened = await res.json();
    showOpened();
  } catch (e) {
    state.opened = null;
    showProblems(e.problems ?? []);
    $('documents').hidden = true;
    status(`Không mở được: ${e.message}.`, 'bad');
    if (e.needsKey) askForKey();
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

const roleWords = { campaign: 'đợt thi đua', results: 'kết quả', unread: 'không đọc được' };

function showOpened() {
  const o = state.opened;
  const opened = $('opened');
  opened.replaceChildren(
    ...[
      el('p', {}, 'Đã mở: ', ...o.files.map((f, i) => [i ? '; ' : '', el('strong', { text: f.name }), ` (${roleWords[f.role]})`])),
      o.campaign?.name ? el('p', {}, el('span', { class: 'muted', text: `${o.campaign.issuer}: ` }), o.campaign.name) : null,
      state.edits && o.body ? el('p', {}, el('button', { type: 'button', class: 'link', onclick: downloadEdited, text: 'Tải tệp đợt thi đua đã sửa (JSON)' })) : null,
      state.starter ? el('p', {}, 'Tệp mẫu để điền tiếp: ', ...state.starter.map((f, i) => [i ? ', ' : '', el('button', { type: 'button', class: 'link', onclick: () => saveBlob(new Blob([f.text], { type: 'text/yaml' }), f.name), text: f.name })])) : null,
    ].filter(Boolean),
  );
  opened.hidden = false;
  showProblems(o.problems);
  showDocuments();
  showForm();
  const errors = o.problems.filter((p) => p.severity === 'error').length;
  const warnings = o.problems.length - errors;
  if (o.valid) status(`Đã tạo ${o.documents.length} văn bản${warnings ? `; có ${warnings} cảnh báo` : ''}.`, 'good');
  else status(`Có ${errors} lỗi cần sửa trước khi tạo văn bản${warnings ? ` và ${warnings} cảnh báo` : ''}.`, 'bad');
}

/** "campaign.yaml, dòng 12, cột 5" or the field path, when nothing better is known. */
const placeOf = (p) => p.place ?? p.file ?? '';

function problemItem(p) {
  return el(
    'li',
    { class: p.severity },
    el('span', { class: 'place', text: placeOf(p) || 'dữ liệu' }),
    // A warning made-up sample data is meant to give, said so (as the CLI does).
    p.sample ? el('span', { class: 'muted', text: 'dữ liệu minh họa: cảnh báo này là dự kiến' }) : null,
    p.field ? el('span', { class: 'field', text: p.field }) : null,
    el('span', { class: 'message', text: p.message_vi }),
    el('code', { class: 'path', text: p.path }),
  );
}

function showProblems(problems) {
  const list = $('problem-list');
  list.replaceChildren();
  $('problems').hidden = !problems.length;
  for (const [severity, title] of [['error', 'Lỗi: phải sửa'], ['warning', 'Cảnh báo: nên xem lại']]) {
    const mine = problems.filter((p) => (p.severity ?? 'error') === severity);
    if (!mine.length) continue;
    const groups = new Map();
    for (const p of mine) {
      const g = p.group ?? 'Dữ liệu';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(p);
    }
    list.append(
      el(
        'div',
        { class: `severity ${severity}` },
        el('h3', { text: `${title} (${mine.length})` }),
        ...[...groups].map(([g, ps]) => el('div', { class: 'group' }, el('h4', { text: g }), el('ul', {}, ps.map(problemItem)))),
      ),
    );
  }
}

const kindWords = { plan: 'Kế hoạch phát động', 'unit-plan': 'Kế hoạch của đơn vị', summary: 'Báo cáo' };

/** A document's route and query. */
function routeOf(doc, format) {
  const path = doc.kind === 'unit-plan' ? 'unit-plan' : doc.kind;
  const q = new URLSearchParams({ format });
  if (doc.kind === 'unit-plan') q.set('unit', doc.unit);
  return `/v1/documents/${path}?${q}`;
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function download(doc, format) {
  status(`Đang tải ${doc.name}.${format}…`, 'busy');
  try {
    const res = await postJson(routeOf(doc, format), state.opened.body);
    saveBlob(await res.blob(), `${doc.name}.${format}`);
    status(`Đã tải ${doc.name}.${format}.`, 'good');
  } catch (e) {
    status(`Không tải được ${doc.name}.${format}: ${e.message}.`, 'bad');
  }
}

async function downloadBundle() {
  status('Đang tạo gói văn bản…', 'busy');
  try {
    const res = await postJson('/v1/documents/bundle', state.opened.body);
    saveBlob(await res.blob(), `${state.opened.campaign.id}.zip`);
    status('Đã tải cả bộ văn bản.', 'good');
  } catch (e) {
    status(`Không tải được cả bộ: ${e.message}.`, 'bad');
  }
}

function downloadEdited() {
  const campaign = JSON.parse(state.opened.body).campaign;
  saveBlob(new Blob([`${JSON.stringify(campaign, null, 2)}\n`], { type: 'application/json' }), `${campaign.id ?? 'campaign'}.json`);
}

function showDocuments() {
  const o = state.opened;
  const rows = $('document-rows');
  rows.replaceChildren(
    ...o.documents.map((d) =>
      el(
        'tr',
        {},
        el('td', { 'data-label': 'Văn bản' }, el('span', { class: 'doc-name', text: d.name }), el('span', { class: 'muted doc-kind', text: kindWords[d.kind] })),
        el('td', { 'data-label': 'Số trang', class: 'pages-count', text: d.pages ?? '—' }),
        el(
          'td',
          { class: 'doc-actions' },
          el('button', { type: 'button', onclick: () => preview(d), 'aria-label': `Xem trước ${d.name}`, text: 'Xem trước' }),
          el('button', { type: 'button', onclick: () => download(d, 'docx'), 'aria-label': `Tải ${d.name} dạng Word (DOCX)`, text: 'DOCX' }),
          el('button', { type: 'button', onclick: () => download(d, 'pdf'), 'aria-label': `Tải ${d.name} dạng PDF`, text: 'PDF' }),
        ),
      ),
    ),
  );
  $('documents').hidden = !o.documents.length;
}

let pdfjs;
/** pdf.js, from this server, loaded when a preview is first asked for. */
async function pdfLib() {
  if (!pdfjs) {
    pdfjs = await import('/assets/pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';
  }
  return pdfjs;
}

async function preview(doc) {
  const dialog = $('preview');
  const pages = $('pages');
  $('preview-title').textContent = doc.name;
  $('preview-status').textContent = 'Đang tải bản xem trước…';
  pages.replaceChildren();
  dialog.showModal();
  $('preview-close').focus();
  try {
    const [lib, res] = await Promise.all([pdfLib(), postJson(routeOf(doc, 'pdf'), state.opened.body)]);
    const data = new Uint8Array(await res.arrayBuffer());
    const pdf = await lib.getDocument({ data, isEvalSupported: false }).promise;
    const width = Math.min(pages.clientWidth || 800, 900);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      const canvas = el('canvas', { class: 'page', role: 'img', 'aria-label': `Trang ${n}/${pdf.numPages}`, width: Math.floor(viewport.width), height: Math.floor(viewport.height) });
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      pages.append(canvas);
      await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
    }
    $('preview-status').textContent = `${pdf.numPages} trang`;
    dialog.dataset.rendered = String(pdf.numPages);
  } catch (e) {
    $('preview-status').textContent = `Không xem trước được: ${e.message}.`;
  }
}

function closePreview() {
  const dialog = $('preview');
  delete dialog.dataset.rendered;
  dialog.close();
}

/** A labelled field of the form. */
function field(id, label, input, hint) {
  input.id = id;
  return el('div', { class: 'field' }, el('label', { for: id, text: label }), input, hint ? el('small', { class: 'muted', text: hint }) : null);
}
const input = (name, value, attrs = {}) => el('input', { name, value: value ?? '', ...attrs });
const textarea = (name, lines, rows) => {
  const t = el('textarea', { name, rows });
  t.value = lines.join('\n');
  return t;
};

function showForm() {
  const form = $('edit-form');
  const f = state.opened.form;
  $('edit').hidden = !f;
  if (!f) return;
  const parts = [];
  if (f.plan) {
    const p = f.plan;
    parts.push(
      el(
        'fieldset',
        {},
        el('legend', { text: 'Kế hoạch phát động' }),
        field('edit-number', 'Số văn bản', input('number', p.number, { inputmode: 'numeric', maxlength: 20 }), 'để trống khi chưa vào sổ'),
        el(
          'div',
          { class: 'field date' },
          el('span', { class: 'label', id: 'edit-date-label', text: 'Ngày ban hành (ngày để trống khi dự thảo)' }),
          el(
            'div',
            { class: 'date-parts', role: 'group', 'aria-labelledby': 'edit-date-label' },
            el('label', { for: 'edit-day', text: 'Ngày' }),
            input('day', p.date.day, { id: 'edit-day', type: 'number', min: 1, max: 31 }),
            el('label', { for: 'edit-month', text: 'Tháng' }),
            input('month', p.date.month, { id: 'edit-month', type: 'number', min: 1, max: 12 }),
            el('label', { for: 'edit-year', text: 'Năm' }),
            input('year', p.date.year, { id: 'edit-year', type: 'number', min: 1945, max: 2100 }),
          ),
        ),
        field('edit-authorities', 'Thẩm quyền ký, mỗi dòng một mục', textarea('authorities', p.signer.authorities, 2), 'ví dụ: TM. ỦY BAN NHÂN DÂN'),
        field('edit-position', 'Chức vụ người ký', input('position', p.signer.position, { maxlength: 500 }), 'in hoa, ví dụ: CHỦ TỊCH'),
        field('edit-name', 'Họ và tên người ký', input('name', p.signer.name, { maxlength: 500 }), 'để trống khi văn bản chờ ký'),
        field('edit-recipients', 'Nơi nhận, mỗi dòng một nơi', textarea('recipients', p.recipients, Math.min(Math.max(p.recipients.length, 3), 12)), 'ví dụ: UBND thành phố (b/c)'),
      ),
    );
  }
  if (f.units.length) {
    parts.push(
      el(
        'fieldset',
        {},
        el('legend', { text: 'Người ký kế hoạch của các đơn vị' }),
        el(
          'table',
          { class: 'units' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Đơn vị' }), el('th', { scope: 'col', text: 'Chức vụ' }), el('th', { scope: 'col', text: 'Họ và tên' }))),
          el(
            'tbody',
            {},
            f.units.map((u, i) =>
              el(
                'tr',
                { 'data-unit': u.id },
                el('th', { scope: 'row', id: `unit-${i}`, text: f.unitNames[u.id] ?? u.id }),
                el('td', {}, input('unit-position', u.position, { 'aria-label': `Chức vụ người ký, ${f.unitNames[u.id]}` })),
                el('td', {}, input('unit-name', u.name, { 'aria-label': `Họ và tên người ký, ${f.unitNames[u.id]}` })),
              ),
            ),
          ),
        ),
      ),
    );
  }
  parts.push(el('p', { class: 'actions' }, el('button', { type: 'submit', text: 'Áp dụng và tạo lại văn bản' })));
  form.replaceChildren(...parts);
}

const numberOrNull = (v) => (v.trim() === '' ? null : Number(v));
const linesOf = (v) => v.split('\n').map((l) => l.trim()).filter(Boolean);

/** The form's values, as the server's edits. */
function editsOf(form) {
  const f = state.opened.form;
  const get = (name) => form.elements.namedItem(name)?.value ?? '';
  const edits = {};
  if (f.plan) {
    edits.plan = {
      number: get('number').trim(),
      date: { year: numberOrNull(get('year')), month: numberOrNull(get('month')), day: numberOrNull(get('day')) },
      signer: { authorities: linesOf(get('authorities')), position: get('position').trim(), name: get('name').trim() },
      recipients: linesOf(get('recipients')),
    };
  }
  edits.units = [...form.querySelectorAll('tr[data-unit]')].map((tr) => ({
    id: tr.dataset.unit,
    position: tr.querySelector('[name="unit-position"]').value.trim(),
    name: tr.querySelector('[name="unit-name"]').value.trim(),
  }));
  return edits;
}

async function startFromStarter(event) {
  event.preventDefault();
  const form = event.target;
  const q = new URLSearchParams();
  for (const name of ['level', 'issuer', 'year', 'province']) {
    const v = form.elements.namedItem(name).value.trim();
    if (v) q.set(name, v);
  }
  q.set('month', String(new Date().getMonth() + 1));
  status('Đang tạo mẫu…', 'busy');
  try {
    const { files } = await (await call(`/v1/starter?${q}`)).json();
    state.starter = files;
    state.files = files;
    state.edits = undefined;
    await openCampaign();
  } catch (e) {
    status(`Không tạo được mẫu: ${e.message}.`, 'bad');
    if (e.needsKey) askForKey();
  }
}

function askForKey() {
  sessionStorage.removeItem(KEY);
  $('key-form').hidden = false;
  $('api-key').focus();
}

function init() {
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $('api-key').value.trim());
    $('api-key').value = '';
    $('key-form').hidden = true;
    if (state.files.length) openCampaign();
  });
  $('files').addEventListener('change', (e) => openFiles(e.target.files));
  const drop = $('drop');
  for (const t of ['dragenter', 'dragover']) {
    drop.addEventListener(t, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    state.starter = undefined;
    openFiles(e.dataTransfer.files);
  });
  $('files').addEventListener('click', () => (state.starter = undefined));
  $('starter-form').addEventListener('submit', startFromStarter);
  $('bundle').addEventListener('click', downloadBundle);
  $('preview-close').addEventListener('click', closePreview);
  $('preview').addEventListener('close', () => delete $('preview').dataset.rendered);
  $('edit-form').addEventListener('submit', (e) => {
    e.preventDefault();
    state.edits = editsOf(e.target);
    openCampaign();
  });
}

init();
