import { InitialPlatform1764300000000 } from './1764300000000-initial-platform.js';
import { Collaboration1764400000000 } from './1764400000000-collaboration.js';
import { AuditLogNoTruncate1764500000000 } from './1764500000000-audit-log-no-truncate.js';
import { CollabAppendFunction1764600000000 } from './1764600000000-collab-append-function.js';
import { DocSnapshotStateVector1764650000000 } from './1764650000000-doc-snapshot-state-vector.js';
import { CollabAppendPacked1764660000000 } from './1764660000000-collab-append-packed.js';
import { DocumentsCommentsNotifications1764700000000 } from './1764700000000-documents-comments-notifications.js';
import { Bills1764800000000 } from './1764800000000-bills.js';
import { BillNotifications1764900000000 } from './1764900000000-bill-notifications.js';
import { TasksClaims1765000000000 } from './1765000000000-tasks-claims.js';
import { TwoFactor1765100000000 } from './1765100000000-two-factor.js';
import { CaseMaps1765200000000 } from './1765200000000-case-maps.js';
import { CollabAppendPipelined1765400000000 } from './1765400000000-collab-append-pipelined.js';
import { DataOwnership1765300000000 } from './1765300000000-data-ownership.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [
  InitialPlatform1764300000000,
  Collaboration1764400000000,
  AuditLogNoTruncate1764500000000,
  CollabAppendFunction1764600000000,
  DocSnapshotStateVector1764650000000,
  CollabAppendPacked1764660000000,
  DocumentsCommentsNotifications1764700000000,
  Bills1764800000000,
  BillNotifications1764900000000,
  TasksClaims1765000000000,
  TwoFactor1765100000000,
  CaseMaps1765200000000,
  DataOwnership1765300000000,
  CollabAppendPipelined1765400000000,
];
