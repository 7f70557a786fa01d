import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { CoalitionRole, DocPermission } from '@coalesce/domain';
import { uuidSchema } from '@coalesce/protocol';
import type { AuthUser } from '../auth/auth-user.js';
import { Authenticator } from '../auth/authenticator.js';
import { sessionRequirementsOf } from '../auth/session-requirements.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import { ACCESS_RULE } from './access-rule.js';
import type { AccessRule } from './access-rule.js';
import { AccessPolicy } from './access-policy.service.js';
import { assertMetricsAccess } from './metrics-access.js';

export type AuthorizedRequest = Request & {
  user?: AuthUser;
  coalitionRole?: CoalitionRole;
  docAccess?: { permission: DocPermission; coalitionId: string; coalitionRole: CoalitionRole };
};

/** Global guard: authenticates and applies the route's access rule; a route without a rule is refused. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly policy: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new Error(
        `Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`,
      );
    }
    if (rule.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<AuthorizedRequest>();
    if (rule.kind === 'metrics') {
      assertMetricsAccess(req, this.config.metricsToken);
      return true;
    }
    const user = await this.authenticator.authenticate(
      Authenticator.bearer(req.headers.authorization),
      sessionRequirementsOf(this.reflector, context),
    );
    req.user = user;
    if (rule.kind === 'coalition') {
      req.coalitionRole = await this.policy.assertCoalition(
        user,
        idParam(req, rule.param),
        rule.action,
      );
    } else if (rule.kind === 'document') {
      req.docAccess = await this.policy.assertDocument(user, idParam(req, rule.param), rule.needed);
      req.coalitionRole = req.docAccess.coalitionRole;
    } else if (rule.kind === 'org') {
      await this.policy.assertOrg(
        user,
        rule.param ? idParam(req, rule.param) : user.organizationId,
        rule.action,
      );
    }
    return true;
  }
}

function idParam(req: Request, name: string): string {
  const value = req.params[name];
  if (!uuidSchema.safeParse(value).success) {
    throw AppError.validation([{ path: name, message: 'Must be a UUID.' }]);
  }
  return value as string;
}
