/**
 * One document to render from its view, on a worker thread or in the
 * calling thread, always with a template loaded and checked once by the
 * process (workers get its bytes, never its path: a file changed on disk
 * later changes nothing).
 */
import type { DocxTemplate } from '../render/docx.js';
import { renderView, type DocumentKind, type Format, type RenderedDocument } from '../generate.js';
import type { DocumentView } from '../view/document.js';

export interface RenderTask {
  kind: DocumentKind;
  unit?: string;
  view: DocumentView;
  formats: Format[];
}

/** Renders documents; `slots` is how many it takes at once to keep itself busy. */
export interface Renderer {
  render(task: RenderTask): Promise<RenderedDocument>;
  readonly slots: number;
}

export const renderTask = (task: RenderTask, template: DocxTemplate): Promise<RenderedDocument> =>
  renderView(task.kind, task.view, { formats: task.formats, template }, task.unit);

/** The template a worker was handed as workerData (plain bytes across the thread boundary). */
export function handedTemplate(data: unknown): DocxTemplate {
  const { template } = data as { template: { name: string; content: Uint8Array; layout: DocxTemplate['layout'] } };
  return { name: template.name, content: Buffer.from(template.content.buffer, template.content.byteOffset, template.content.byteLength), layout: template.layout };
}

/** Rendering in the calling thread with the template it has loaded, one document at a time: nothing to start. */
export function inThread(template: DocxTemplate): Renderer {
  return {
    slots: 1,
    async render(task) {
      // Rendering here never waits on I/O: give the event loop a turn first, so workers' results are taken and their next tasks sent.
      await new Promise((next) => setImmediate(next));
      return renderTask(task, template);
    },
  };
}
