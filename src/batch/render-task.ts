/**
 * One document to render from its view, on a worker thread (the template
 * loaded once per thread and path) or in the calling thread (with the
 * template it has loaded).
 */
import { loadDocxTemplate, type DocxTemplate } from '../render/docx.js';
import { renderView, type DocumentKind, type Format, type RenderedDocument } from '../generate.js';
import type { DocumentView } from '../view/document.js';

export interface RenderTask {
  kind: DocumentKind;
  unit?: string;
  view: DocumentView;
  formats: Format[];
  templatePath: string;
}

/** Renders documents; `slots` is how many it takes at once to keep itself busy. */
export interface Renderer {
  render(task: RenderTask): Promise<RenderedDocument>;
  readonly slots: number;
}

const templates = new Map<string, Promise<DocxTemplate>>();

/** The template of a path, loaded (and checked) once per worker thread. */
export function templateOf(path: string): Promise<DocxTemplate> {
  let t = templates.get(path);
  if (!t) {
    t = loadDocxTemplate(path);
    // A failed load is not kept: the next task tries again and reports it again.
    t.catch(() => templates.delete(path));
    templates.set(path, t);
  }
  return t;
}

export async function renderTask(task: RenderTask): Promise<RenderedDocument> {
  return renderView(task.kind, task.view, { formats: task.formats, template: await templateOf(task.templatePath) }, task.unit);
}

/** Rendering in the calling thread with the template it has loaded, one document at a time: nothing to start. */
export function inThread(template: DocxTemplate): Renderer {
  return {
    slots: 1,
    async render(task) {
      // Rendering here never waits on I/O: give the event loop a turn first, so workers' results are taken and their next tasks sent.
      await new Promise((next) => setImmediate(next));
      return renderView(task.kind, task.view, { formats: task.formats, template }, task.unit);
    },
  };
}
