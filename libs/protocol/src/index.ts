export * from './errors.js';
export * from './limits.js';
export * from './schemas/common.js';
export * from './schemas/auth.js';
export * from './schemas/organizations.js';
export * from './schemas/coalitions.js';
export * from './schemas/working-groups.js';
export * from './schemas/audit.js';
