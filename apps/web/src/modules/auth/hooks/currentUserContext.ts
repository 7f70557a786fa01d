import { createContext } from 'react';
import type { MeDto } from '@coalesce/protocol';

/** Provided by the signed-in part of the app once GET /me has answered. */
export const CurrentUserContext = createContext<MeDto | null>(null);
