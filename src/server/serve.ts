/**
 * Running the HTTP service: listen, and on SIGTERM or SIGINT finish the
 * requests in flight, refuse new ones (503), then stop the workers.
 */
import { buildServer, type ServerOptions } from './app.js';

export interface ServeOptions extends ServerOptions {
  port: number;
  host: string;
}

export async function serve(options: ServeOptions): Promise<void> {
  const { app } = await buildServer(options);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        app.log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: options.port, host: options.host });
}
