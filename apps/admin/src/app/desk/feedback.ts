import type { Messages } from '../i18n/messages';

/**
 * A message for staff, kept as a function of the texts so it follows a language switch.
 * `id` changes with every new message (to restart animations and timers).
 */
export interface Feedback {
  id: number;
  tone: 'success' | 'error' | 'info';
  text: (t: Messages) => string;
}

let lastId = 0;

export function feedback(tone: Feedback['tone'], text: (t: Messages) => string): Feedback {
  return { id: ++lastId, tone, text };
}
