import 'reflect-metadata';
import { ConfigError, loadConfig } from './core/config/app-config.js';
import { exitGracefullyOnSignals } from './core/lifecycle/graceful-shutdown.js';
import { createApp } from './create-app.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const app = await createApp(config);
exitGracefullyOnSignals(app, {
  drainMs: config.shutdownDrainMs,
  timeoutMs: config.shutdownTimeoutMs,
});
await app.listen(config.port, config.host);
const url = `http://localhost:${config.port}`;
console.log(`\nCoalesce is running at ${url} (API docs: ${url}/api/docs)\n`);
