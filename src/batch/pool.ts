/**
 * Rendering many documents at once on all cores: a piscina pool of worker
 * threads, each loading the template and fonts once.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { RenderTask } from './worker.js';
import type { RenderedDocument } from '../generate.js';

// Run from source (tests, tsx), the worker is TypeScript and needs tsx's loader too.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/** tsx's loader, by absolute URL: the worker may run in any working folder. */
const tsxLoader = (): string => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface RenderPool {
  /** Render on a worker; `signal` abandons the task (queued or running). */
  render(task: RenderTask, signal?: AbortSignal): Promise<RenderedDocument>;
  close(): Promise<void>;
}

export interface PoolOptions {
  threads?: number;
}

export function createRenderPool(options: PoolOptions = {}): RenderPool {
  const threads = options.threads ?? availableParallelism();
  const pool = new Piscina<RenderTask, RenderedDocument>({
    filename: fileURLToPath(workerUrl),
    // All threads at once: a batch keeps every one of them busy.
    minThreads: Math.max(1, threads),
    maxThreads: Math.max(1, threads),
    execArgv: workerUrl.pathname.endsWith('.ts') ? ['--import', tsxLoader()] : [],
  });
  return {
    async render(task, signal) {
      const doc = await pool.run(task, signal ? { signal } : {});
      // Buffers cross the thread boundary as plain Uint8Arrays.
      return { ...doc, files: doc.files.map((f) => ({ ...f, content: typeof f.content === 'string' ? f.content : Buffer.from(f.content) })) };
    },
    close: () => pool.destroy(),
  };
}
