import { DocumentContentIndexer } from '../../src/modules/documents/document-content-indexer.js';
import { databaseFingerprint } from './expect.js';
import type { TestApp } from './test-app.js';

/**
 * The database fingerprint once the background search-text refreshes of documents edited earlier
 * have been written: timed, they would otherwise land between two "nothing changed" fingerprints.
 */
export async function settledFingerprint(t: TestApp): Promise<Record<string, string>> {
  await t.app.get(DocumentContentIndexer).flush();
  return databaseFingerprint(t.db);
}
