export * from './events.js';
export * from './limits.js';
export * from './payloads.js';
export * from './wire-parser.js';
