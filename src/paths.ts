/** Where the package's own files are, wherever it is installed or run from. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: one level above src/ (tsx) or dist/ (built). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const templatesDir = resolve(packageRoot, 'templates');

/**
 * The folder of an issuer's own templates (award forms, phrases, header
 * profiles, words, outlines, the Word template), whose files stand in for the
 * package's of the same name. Set by the config file (`templates:`) or by
 * hand; an environment variable, so that worker threads see it too.
 */
export const OWN_TEMPLATES_ENV = 'THIDUA_TEMPLATES';

/** A file of templates/: the issuer's own where it has one, else the package's. */
export function templateFile(name: string): string {
  const own = process.env[OWN_TEMPLATES_ENV];
  if (own) {
    const path = resolve(own, name);
    if (existsSync(path)) return path;
  }
  return resolve(templatesDir, name);
}
