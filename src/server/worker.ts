/**
 * A worker thread of the service: it loads the award forms once, as it
 * starts, takes the template the server loaded and checked (its bytes, not
 * its path), then does requests' work (src/server/service.ts).
 */
import { workerData } from 'node:worker_threads';
import { loadAwardForms } from '../model/load.js';
import { handedTemplate } from '../batch/render-task.js';
import { serviceTask, type ServiceTask } from './service.js';
import { useLayout } from '../layout.js';

const template = handedTemplate(workerData);
// The server's template sets the layout its checks and documents use.
useLayout(template.layout);

export default (async () => {
  const env = { forms: await loadAwardForms(), template };
  return (task: ServiceTask) => serviceTask(task, env);
})();
