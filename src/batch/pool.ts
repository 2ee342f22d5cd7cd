/**
 * Worker threads (a piscina pool), each loading its modules, template and
 * fonts once and warming up as soon as it starts.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Piscina as PiscinaPool } from 'piscina';
import type { Renderer, RenderTask } from './render-task.js';
import type { RenderedDocument } from '../generate.js';
import type { DocxTemplate } from '../render/docx.js';

/** tsx's loader, by absolute URL: the worker may run in any working folder. */
const tsxLoader = (): string => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * piscina, loaded when the first pool is made: with it Node's worker module,
 * which a process started from the startup snapshot (src/snapshot/) can
 * start workers with only if it was loaded after the start.
 */
const piscina = (): typeof PiscinaPool => (createRequire(import.meta.url)('piscina') as { Piscina: typeof PiscinaPool }).Piscina;

export interface WorkerPool<Task, Result> {
  /** Run on a worker; `signal` abandons the task (queued or running). */
  run(task: Task, signal?: AbortSignal): Promise<Result>;
  /** Tasks the pool takes at once to keep every worker busy. */
  readonly slots: number;
  /** Stop the workers (once, however often called). */
  close(): Promise<void>;
  /** Workers running now (a dead one is replaced), tasks waiting for one, tasks done. */
  state(): { threads: number; queued: number; completed: number };
}

export interface PoolOptions {
  threads?: number;
  /** What every worker gets as it starts (the template's bytes). */
  workerData?: unknown;
  /**
   * Tasks each worker holds at once (default 1). Two for a batch: the next one
   * waits in the worker, so it goes on while the calling thread is busy with
   * its own rendering; a service keeps one, or each answer takes twice as long.
   */
  tasksPerWorker?: number;
}

/** A pool running `module` (a worker module beside `base`, by its name without extension: .ts from source, .js built). */
export function workerPool<Task, Result>(module: string, base: string, options: PoolOptions = {}): WorkerPool<Task, Result> {
  const fromSource = base.endsWith('.ts');
  // Run from source (tests, tsx), the worker is TypeScript and needs tsx's loader too.
  const filename = fileURLToPath(new URL(`${module}${fromSource ? '.ts' : '.js'}`, base));
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const tasksPerWorker = options.tasksPerWorker ?? 1;
  const Piscina = piscina();
  const pool = new Piscina<Task, Result>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: tasksPerWorker,
    // Blocking waits for the next task would stall a task waiting on its PDF stream.
    atomics: 'disabled',
    workerData: options.workerData,
    // A larger young generation: a document's many short-lived objects die there, not in costly full collections.
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
    execArgv: fromSource ? ['--import', tsxLoader()] : [],
  });
  let closed: Promise<void> | undefined;
  return {
    slots: threads * tasksPerWorker,
    run: (task, signal) => pool.run(task, signal ? { signal } : {}),
    // Closing twice (by a batch, then by its caller) closes once.
    close: () => (closed ??= pool.destroy()),
    state: () => ({ threads: pool.threads.length, queued: pool.queueSize, completed: pool.completed }),
  };
}

/** Buffers cross the thread boundary as plain Uint8Arrays: viewed as Buffers again, not copied. */
export function withBuffers(doc: RenderedDocument): RenderedDocument {
  const asBuffer = (c: Uint8Array) => Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  return { ...doc, files: doc.files.map((f) => ({ ...f, content: typeof f.content === 'string' ? f.content : asBuffer(f.content) })) };
}

export interface RenderPool extends Renderer {
  close(): Promise<void>;
}

/** Workers rendering document views (src/batch/worker.ts). */
export function createRenderPool(options: { threads?: number; template: DocxTemplate }): RenderPool {
  const pool = workerPool<RenderTask, RenderedDocument>('./worker', import.meta.url, {
    threads: options.threads,
    workerData: { template: options.template },
    tasksPerWorker: 2,
  });
  return {
    slots: pool.slots,
    render: async (task) => withBuffers(await pool.run(task)),
    close: pool.close,
  };
}
