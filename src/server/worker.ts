/**
 * A worker thread of the service: it loads the award forms and the template
 * once, as it starts, then does requests' work (src/server/service.ts).
 */
import { workerData } from 'node:worker_threads';
import { loadAwardForms } from '../model/load.js';
import { templateOf } from '../batch/render-task.js';
import { serviceTask, type ServiceTask } from './service.js';

const { templatePath } = workerData as { templatePath: string };

export default (async () => {
  const forms = await loadAwardForms();
  // The server checked the template before starting its workers.
  await templateOf(templatePath);
  return (task: ServiceTask) => serviceTask(task, forms);
})();
