import type { Lang } from '../i18n/messages';
import type { FollowCardState } from './follow-record';

/** The follow card's texts: what it says in every state, and the sound control. */
export interface FollowMessages {
  state: Record<FollowCardState, (number: number, time: string) => string>;
  gotIt: string;
  followAgain: string;
  dismiss: string;
  soundOff: string;
  soundOn: string;
  soundLocked: string;
}

export const FOLLOW_MESSAGES: Record<Lang, FollowMessages> = {
  en: {
    state: {
      waiting: () =>
        'Not ready yet. We will let you know, also with the page closed if you allow notifications.',
      ready: () => 'Ready! Pick it up at the counter.',
      again: (_n, time) => `Called again at ${time}: it is waiting for you at the counter.`,
      collected: (_n, time) => `Picked up at ${time}. Enjoy!`,
      missed: (_n, time) =>
        `Called at ${time} and taken off the board — please ask at the counter.`,
      left: (_n, time) =>
        `Called at ${time} and no longer on the board. Not picked it up yet? Please ask at the counter.`,
      forgotten: (n) =>
        `We stopped following order ${n} after 12 hours. Still waiting? Please ask at the counter.`,
    },
    gotIt: 'Got it',
    followAgain: 'Follow another number',
    dismiss: 'OK',
    soundOff: 'Sound off',
    soundOn: 'Sound on',
    soundLocked: 'Tap to turn sound on',
  },
  nl: {
    state: {
      waiting: () =>
        'Nog niet klaar. We laten het je weten, ook met de pagina dicht als je meldingen toestaat.',
      ready: () => 'Klaar! Haal hem op bij de balie.',
      again: (_n, time) => `Om ${time} opnieuw omgeroepen: hij ligt voor je klaar bij de balie.`,
      collected: (_n, time) => `Opgehaald om ${time}. Eet smakelijk!`,
      missed: (_n, time) =>
        `Omgeroepen om ${time} en van het scherm gehaald — vraag het even aan de balie.`,
      left: (_n, time) =>
        `Omgeroepen om ${time} en niet meer op het scherm. Nog niet opgehaald? Vraag het even aan de balie.`,
      forgotten: (n) =>
        `We volgen bestelling ${n} niet meer: dat doen we 12 uur lang. Wacht je nog? Vraag het even aan de balie.`,
    },
    gotIt: 'Begrepen',
    followAgain: 'Ander nummer volgen',
    dismiss: 'OK',
    soundOff: 'Geluid uit',
    soundOn: 'Geluid aan',
    soundLocked: 'Tik om geluid aan te zetten',
  },
};

/** "21:03" in the customer's language. */
export function clockTime(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}
