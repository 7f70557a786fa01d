import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { ContributionRemovals } from './contribution-removals.service.js';
import { ContributionRemover } from './contribution-remover.js';

/**
 * An organization's contributions to documents other organizations own, replaced by placeholders
 * when it leaves a coalition (if it chooses so) or is erased.
 */
@Module({
  imports: [CollabModule],
  providers: [ContributionRemover, ContributionRemovals],
  exports: [ContributionRemover, ContributionRemovals],
})
export class ContributionsModule {}
