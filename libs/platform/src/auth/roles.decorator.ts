import { SetMetadata } from '@nestjs/common';
import type { ApiRole } from './api-keys';

export const ROLES_KEY = 'poc:roles';
/** Roles allowed on a route besides admin, who may do everything. */
export const Roles = (...roles: ApiRole[]) => SetMetadata(ROLES_KEY, roles);
export const PUBLIC_KEY = 'poc:public';
export const Public = () => SetMetadata(PUBLIC_KEY, true);
