export * from './vocabulary.js';
export * from './layer-access.js';
