import { Injectable } from '@nestjs/common';
import type { ChangeEmailInput } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { PasswordHasher } from '../../core/auth/password-hasher.js';
import { UsersRepository } from '../../core/auth/users.repository.js';
import { AppError } from '../../core/errors/app-error.js';
import { uniqueViolation } from '../../core/errors/database-errors.js';
import type { RequestMeta } from '../../core/http/request-meta.js';

/**
 * Changing the sign-in email: the route demands a recent (re-)authentication, and the current
 * password is checked again here, so a session left open cannot take the account over.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLogService,
  ) {}

  async change(user: AuthUser, input: ChangeEmailInput, meta: RequestMeta): Promise<void> {
    const hash = await this.users.findHashById(user.id);
    if (!hash || !(await this.hasher.verify(hash, input.currentPassword))) {
      throw AppError.validation([
        { path: 'currentPassword', message: 'The password is not correct.' },
      ]);
    }
    if (input.email === user.email) {
      throw AppError.validation([
        { path: 'email', message: 'This is already the email address of your account.' },
      ]);
    }
    if (await this.users.emailExists(input.email)) {
      throw AppError.conflict('Another account already uses this email address.', 'email');
    }
    try {
      await this.users.update(user.id, { email: input.email });
    } catch (error) {
      if (uniqueViolation(error))
        throw AppError.conflict('Another account already uses this email address.', 'email');
      throw error;
    }
    await this.audit.record({
      action: 'user.email-changed',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId: user.organizationId,
      target: { type: 'user', id: user.id },
      ip: meta.ip,
      details: { from: user.email, to: input.email },
    });
  }
}
