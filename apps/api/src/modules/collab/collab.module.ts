import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { DatabaseModule } from '../../core/database/database.module.js';
import { AccessWatcher } from './access-watcher.js';
import { CollabBroadcaster } from './collab-broadcaster.js';
import { CollabMetrics } from './collab-metrics.js';
import { COLLAB_CONFIG, loadCollabConfig } from './collab.config.js';
import { CollabGateway } from './collab.gateway.js';
import { CollabService } from './collab.service.js';
import { CompactionService } from './compaction.service.js';
import { DocClients } from './doc-clients.js';
import { DocStore } from './doc-store.js';
import { LayerReadAudit } from './layer-read-audit.js';
import { MergeThread } from './merge-thread.js';
import { PresenceService } from './presence.service.js';
import { ScrubbingEdits } from './scrubbing-edits.service.js';
import { UpdateAdmission } from './update-admission.js';
import { UpdateCommitter } from './update-committer.js';
import { VersionsController } from './versions.controller.js';
import { VersionsService } from './versions.service.js';

/** The collaboration engine: Yjs over Socket.IO, durable group commit, compaction, versions, presence. */
@Module({
  imports: [AuthModule, DatabaseModule],
  controllers: [VersionsController],
  providers: [
    { provide: COLLAB_CONFIG, useFactory: () => loadCollabConfig() },
    AccessWatcher,
    CollabBroadcaster,
    CollabGateway,
    CollabMetrics,
    CollabService,
    CompactionService,
    DocClients,
    DocStore,
    LayerReadAudit,
    MergeThread,
    PresenceService,
    ScrubbingEdits,
    UpdateAdmission,
    UpdateCommitter,
    VersionsService,
  ],
  exports: [
    DocStore,
    DocClients,
    CollabService,
    CompactionService,
    ScrubbingEdits,
    UpdateCommitter,
    CollabGateway,
    LayerReadAudit,
  ],
})
export class CollabModule {}
