import { notifications } from '@mantine/notifications';
import { MapModelError } from '@coalesce/case-map';

/** Runs a map edit; a refusal of the model becomes a message to the user instead of a crash. */
export function tryMapEdit<T>(edit: () => T, title = 'Not changed'): T | null {
  try {
    return edit();
  } catch (error) {
    if (!(error instanceof MapModelError)) throw error;
    notifications.show({ color: 'red', title, message: error.message, autoClose: 7000 });
    return null;
  }
}

export function notifyMapInfo(message: string, title?: string): void {
  notifications.show({ color: 'blue', title, message, autoClose: 6000 });
}
