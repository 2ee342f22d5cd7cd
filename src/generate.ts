/**
 * From a checked campaign to the files of its documents and their manifest.
 */
import type { Campaign } from './model/schema.js';
import type { DocumentView } from './view/document.js';
import { planView } from './view/plan.js';
import { renderDocx, type DocxTemplate } from './render/docx.js';
import { renderPdf } from './render/pdf.js';
import type { OutputFile } from './output/write.js';
import { useLayout } from './layout.js';

export type Format = 'docx' | 'pdf';
export const FORMATS: readonly Format[] = ['docx', 'pdf'];

export type DocumentKind = 'plan' | 'unit-plan' | 'summary';

export interface ManifestEntry {
  kind: DocumentKind;
  /** The unit (id) of a unit plan. */
  unit?: string;
  title: string;
  files: Partial<Record<Format, string>>;
  /** Pages of the PDF, when one was made. */
  pages?: number;
}

export interface RenderedDocument {
  entry: ManifestEntry;
  files: OutputFile[];
}

export interface RenderOptions {
  formats: readonly Format[];
  template: DocxTemplate;
}

export async function renderView(
  kind: DocumentKind,
  view: DocumentView,
  options: RenderOptions,
  unit?: string,
): Promise<RenderedDocument> {
  // The template's layout, for the PDF: the views were built under it too (renderBatch, renderPlan).
  useLayout(options.template.layout);
  const entry: ManifestEntry = { kind, ...(unit ? { unit } : {}), title: view.metadata.title, files: {} };
  const files: OutputFile[] = [];
  if (options.formats.includes('docx')) {
    const name = `${view.fileBase}.docx`;
    files.push({ name, content: renderDocx(view, options.template) });
    entry.files.docx = name;
  }
  if (options.formats.includes('pdf')) {
    const name = `${view.fileBase}.pdf`;
    const pdf = await renderPdf(view);
    files.push({ name, content: pdf.content });
    entry.files.pdf = name;
    entry.pages = pdf.pages;
  }
  return { entry, files };
}

export function renderPlan(campaign: Campaign, options: RenderOptions): Promise<RenderedDocument> {
  useLayout(options.template.layout);
  return renderView('plan', planView(campaign), options);
}
