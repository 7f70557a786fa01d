import { InitialPlatform1764300000000 } from './1764300000000-initial-platform.js';
import { Collaboration1764400000000 } from './1764400000000-collaboration.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [InitialPlatform1764300000000, Collaboration1764400000000];
