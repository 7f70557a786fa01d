export * from './rich-text-builders.js';
export * from './templates.js';
