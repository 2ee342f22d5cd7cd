/** Where the package's own files are, wherever it is installed or run from. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: one level above src/ (tsx) or dist/ (built). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const templatesDir = resolve(packageRoot, 'templates');
