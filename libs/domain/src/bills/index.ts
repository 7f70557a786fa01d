export * from './bill-vocabulary.js';
export * from './bill-identifier.js';
export * from './bill-stage.js';
export * from './action-classifier.js';
export * from './meeting-overlap.js';
export * from './position-conflicts.js';
export * from './bill-alerts.js';
