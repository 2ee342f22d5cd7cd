/**
 * A rendering worker thread, with the template the calling thread loaded
 * and checked. Piscina waits for this module, so a worker counts as ready
 * once its modules are loaded: it warms up while the calling thread is
 * still reading the campaign.
 */
import { workerData } from 'node:worker_threads';
import { handedTemplate, renderTask, type RenderTask } from './render-task.js';

const template = handedTemplate(workerData);

export default (task: RenderTask) => renderTask(task, template);
