/**
 * thidua: documents of a Vietnamese emulation campaign in Decree 30/2020
 * format, from one typed model. The library entry; the CLI is src/cli.ts.
 */
export * from './model/schema.js';
export { loadCampaign, checkCampaignData, parseDataText, normaliseText } from './model/load.js';
export { checkCampaign } from './model/validate.js';
export { InvalidInputError, formatProblems, hasErrors, type Problem, type Severity } from './model/problems.js';
export * as dates from './format/date.js';
export * as decimals from './format/decimal.js';
export * as numbering from './format/numbering.js';
export * as labels from './format/labels.js';
export { layout } from './layout.js';
export type { DocumentView, Block, BlockRole, HeaderView, ClosingView } from './view/document.js';
export { planView } from './view/plan.js';
export { indicatorSentence } from './view/indicators.js';
export { renderDocx, loadDocxTemplate, TemplateError, DEFAULT_TEMPLATE, type DocxTemplate } from './render/docx.js';
export { renderPdf, type PdfResult } from './render/pdf.js';
export { renderPlan, renderView, FORMATS, type Format, type ManifestEntry, type DocumentKind, type RenderedDocument } from './generate.js';
export { manifestFile, readManifest, MANIFEST, type Manifest } from './output/manifest.js';
export { unitPlanView } from './view/unit-plan.js';
export { renderBatch, type BatchRequest, type BatchResult, type BatchFailure } from './batch/run.js';
export { writeAtomically, type OutputFile } from './output/write.js';
export * from './model/results-schema.js';
export { loadResults, loadAwardForms, checkResultsData } from './model/load.js';
export { checkResults } from './model/validate-results.js';
export { reportView } from './view/report.js';
export { computeOutcomes, reportingStatus, judge, combine, rateOf, STATUS_LABEL, type Status, type Outcomes } from './report/outcomes.js';
export { buildServer, type Server, type ServerOptions } from './server/app.js';
