/** The transaction origin of local map edits: tracked by the per-user undo manager. */
export const LOCAL_MAP_EDIT = Symbol('case-map local edit');
