export * from './prosemirror-json.js';
export * from './json-to-yjs.js';
export * from './yjs-to-json.js';
export * from './plain-text.js';
export * from './markdown.js';
