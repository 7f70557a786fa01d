import { notifications } from '@mantine/notifications';
import { describeError } from './describeError';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifyError(error: unknown): void {
  const { title, message } = describeError(error);
  notifications.show({ color: 'red', title, message, autoClose: 7000 });
}
