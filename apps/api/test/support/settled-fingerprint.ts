import { BillAlertsService } from '../../src/modules/bills/bill-alerts.service.js';
import { DocumentContentIndexer } from '../../src/modules/documents/document-content-indexer.js';
import { databaseFingerprint } from './expect.js';
import type { TestApp } from './test-app.js';

/**
 * The database fingerprint once the background work of earlier steps has been written (search-text
 * refreshes of edited documents, notifications of bill alerts): timed, it would otherwise land
 * between two "nothing changed" fingerprints.
 */
export async function settledFingerprint(t: TestApp): Promise<Record<string, string>> {
  await t.app.get(DocumentContentIndexer).flush();
  await t.app.get(BillAlertsService).settled();
  return databaseFingerprint(t.db);
}
