export * from './task-status.js';
export * from './task-priority.js';
export * from './claims.js';
export * from './task-similarity.js';
