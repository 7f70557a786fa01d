/** What each participant's awareness state carries under `user` (set by CollaborationCaret). */
export interface CaretUser {
  id: string;
  name: string;
  organization: string;
  color: string;
}

export function caretLabel(user: Pick<CaretUser, 'name' | 'organization'>): string {
  return user.organization ? `${user.name} · ${user.organization}` : user.name;
}

/** A remote caret: a colored bar with a "Name · Organization" label. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#868e96';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = caretLabel({
    name: typeof user.name === 'string' ? user.name : 'Someone',
    organization: typeof user.organization === 'string' ? user.organization : '',
  });
  caret.append(label);
  return caret;
}
