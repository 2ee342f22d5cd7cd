/**
 * A rendering worker: loads the template and fonts once, then turns document
 * views into DOCX and PDF bytes.
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

let template: Promise<DocxTemplate> | undefined;
let templatePathLoaded: string | undefined;

export default async function render(task: RenderTask): Promise<RenderedDocument> {
  if (!template || templatePathLoaded !== task.templatePath) {
    templatePathLoaded = task.templatePath;
    template = loadDocxTemplate(task.templatePath);
  }
  return renderView(task.kind, task.view, { formats: task.formats, template: await template }, task.unit);
}
