/**
 * thidua: documents of a Vietnamese emulation campaign in Decree 30/2020
 * format, from one typed model. The package's only entry (its `exports`):
 * check a campaign and render its documents; everything else is internal
 * and may change. The CLI is src/cli.ts, the HTTP service `thidua serve`.
 */
export { validate, renderPlan, renderUnitPlan, renderReport, renderAll, type RenderOptions, type RenderedFile, type Document, type Checked } from './api.js';
export { InvalidInputError, formatProblems, type Problem, type Severity } from './model/problems.js';
export type { Campaign } from './model/schema.js';
export type { Results } from './model/results-schema.js';
export type { Format, DocumentKind } from './generate.js';
