export * from './roles.js';
export * from './focus-areas.js';
export * from './password-policy.js';
export * from './permissions.js';
export * from './slug.js';
export * from './document-access.js';
export * from './document-templates/index.js';
export * from './tasks/index.js';
