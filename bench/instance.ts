import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.factory';
import type { AppConfig } from '../src/config/app-config';
import { JsonLogger } from '../src/common/logging/json-logger';

/**
 * A second app instance for the two-instance benchmark, forked by bench/app.ts: the parent
 * sends {config}, this answers {port}; {stop} closes the app. A lost parent ends it too.
 */
let app: INestApplication | undefined;

async function stop(code = 0): Promise<never> {
  await app?.close().catch(() => undefined);
  process.exit(code);
}

process.on('message', (m: { config?: AppConfig; stop?: boolean }) => {
  if (m.stop) {
    void stop();
    return;
  }
  if (!m.config) return;
  const config = m.config;
  void (async () => {
    try {
      app = await createApp(config, new JsonLogger(config.logLevel));
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as { port: number };
      process.send!({ port });
    } catch (err) {
      process.send!({ error: err instanceof Error ? err.message : String(err) });
      await stop(1);
    }
  })();
});
process.on('disconnect', () => void stop());
