export { FakeCollabServer, type FakeCollabServerOptions } from './fake-collab-server.js';
export { FakeDocLog } from './fake-doc-log.js';
export { sleep, waitFor } from './wait-for.js';
export { createTestClient, textOf } from './test-client.js';
