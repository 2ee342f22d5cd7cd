/**
 * A rendering worker thread. Piscina waits for this module's promise, so a
 * worker counts as ready only once its modules and template are loaded: it
 * warms up while the calling thread is still reading the campaign.
 */
import { workerData } from 'node:worker_threads';
import { renderTask, templateOf } from './render-task.js';

const { templatePath } = (workerData ?? {}) as { templatePath?: string };

export default (async () => {
  // A broken template is reported by the task that needs it, not by the worker's start.
  if (templatePath) await templateOf(templatePath).catch(() => undefined);
  return renderTask;
})();
