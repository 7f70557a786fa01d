/** Child process: the reference Hocuspocus server, default in-memory behaviour, on 127.0.0.1. */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
process.send?.({ type: 'listening', port: server.address.port });
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
