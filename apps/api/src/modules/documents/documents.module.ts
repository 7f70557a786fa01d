import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module.js';
import { DocumentContentIndexer } from './document-content-indexer.js';
import { DocumentEvents } from './document-events.js';
import { DocumentExportService } from './document-export.service.js';
import { DocumentTemplatesController } from './document-templates.controller.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity]), CollabModule],
  controllers: [DocumentsController, DocumentTemplatesController],
  providers: [
    DocumentsService,
    DocumentsRepository,
    DocumentContentIndexer,
    DocumentEvents,
    DocumentExportService,
  ],
  exports: [DocumentsService, DocumentContentIndexer],
})
export class DocumentsModule {}
