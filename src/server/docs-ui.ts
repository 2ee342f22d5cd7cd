/**
 * Swagger UI for the interactive reference at /docs. It is a build-time
 * dependency (swagger-ui-dist), copied into dist/vendor/swagger-ui/ by the
 * build (scripts/copy-docs-ui.mjs), so the package serves it offline
 * without installing it, or the install script of its telemetry, at users'.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** The files /docs needs, by their names in swagger-ui-dist (its licence and notice travel with them). */
export const DOCS_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;
export const DOCS_UI_VENDOR = join('dist', 'vendor', 'swagger-ui');

/** A file of Swagger UI: the installed package's in a clone, the copy in the built package. */
export function docsUiFile(name: (typeof DOCS_UI_FILES)[number]): string {
  const copied = join(packageRoot, DOCS_UI_VENDOR, name);
  if (existsSync(copied)) return copied;
  return createRequire(import.meta.url).resolve(`swagger-ui-dist/${name}`);
}
