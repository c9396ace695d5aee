export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Every text the board shows, in one language. */
export interface Messages {
  /** The language's own name, for the switch. */
  langName: string;
  langSwitch: string;
  brand: string;
  heading: string;
  live: string;
  connecting: string;
  reconnecting: string;
  banner: string;
  stale: string;
  empty: string;
  emptyHint: string;
  readyCount: (count: number) => string;
  followTitle: string;
  followLabel: string;
  followHint: string;
  follow: string;
  errorEmpty: string;
  errorInvalid: string;
  following: (number: number) => string;
  waiting: string;
  ready: string;
  yourOrder: string;
  notify: string;
  notifyOn: string;
  notifyBlocked: string;
  sound: string;
  stopFollowing: string;
  announceReady: (numbers: number[]) => string;
  announceMine: (number: number) => string;
  notificationTitle: string;
  notificationBody: (number: number) => string;
  install: string;
  kioskHint: string;
  /** A tile's mark for an order called within the last minute. */
  newTag: string;
  nowServing: string;
  nowServingEmpty: string;
  /** The kiosk's page indicator. */
  page: (page: number, pages: number) => string;
  /** The QR code's text alternative. */
  qrLabel: (address: string) => string;
  /** Shown on a kiosk with `&chime=on` where the browser blocked sound until a tap. */
  chimePrompt: string;
  clockLabel: string;
  /** The page title for the café's name. */
  title: (brand: string) => string;
  lastCallTitle: string;
  lastCallText: string;
  closedTitle: string;
  closedText: string;
  /** The evacuation alert: shown in both languages, this one first. */
  evacuationTitle: string;
  evacuationText: string;
  evacuationSteps: string[];
}

const list = (numbers: number[], and: string) =>
  numbers.length < 2
    ? String(numbers[0] ?? '')
    : `${numbers.slice(0, -1).join(', ')} ${and} ${numbers[numbers.length - 1]}`;

export const MESSAGES: Record<Lang, Messages> = {
  en: {
    langName: 'English',
    langSwitch: 'Language',
    brand: 'Hubble café',
    heading: 'Ready for pickup',
    live: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    banner: 'No connection. Reconnecting… The orders below may be out of date.',
    stale: 'Last known orders, may be out of date',
    empty: 'No orders are ready right now.',
    emptyHint: 'Numbers appear here the moment the kitchen is done.',
    readyCount: (count) => (count === 1 ? '1 order' : `${count} orders`),
    followTitle: 'Follow my order',
    followLabel: 'Number on your receipt',
    followHint: 'We will let you know when it is ready.',
    follow: 'Follow',
    errorEmpty: 'Type the number printed on your receipt.',
    errorInvalid: 'That is not an order number. Use digits only, from 1 to 99999.',
    following: (n) => `Order ${n}`,
    waiting: 'Not ready yet. Keep this page open: we will let you know.',
    ready: 'Ready! Pick it up at the counter.',
    yourOrder: 'Your order',
    notify: 'Notify me',
    notifyOn: 'Notifications on',
    notifyBlocked: 'Notifications blocked',
    sound: 'Sound',
    stopFollowing: 'Stop following',
    announceReady: (numbers) =>
      numbers.length === 1
        ? `Order ${numbers[0]} is ready.`
        : `Orders ${list(numbers, 'and')} are ready.`,
    announceMine: (n) => `Your order ${n} is ready!`,
    notificationTitle: 'Your order is ready',
    notificationBody: (n) => `Order ${n} is waiting for you at the counter.`,
    install: 'Install app',
    kioskHint: 'Follow your order on your phone',
    newTag: 'New',
    nowServing: 'Now serving',
    nowServingEmpty: 'Numbers called just now show here.',
    page: (page, pages) => `Page ${page} of ${pages}`,
    qrLabel: (address) => `QR code: scan to open ${address}`,
    chimePrompt: 'Tap to enable the chime',
    clockLabel: 'Time',
    title: (brand) => `${brand}: orders ready`,
    lastCallTitle: 'Last call!',
    lastCallText: 'The kitchen closes soon. Order now if you still want something.',
    closedTitle: 'The kitchen is closed',
    closedText: 'Orders still shown below can be collected at the counter.',
    evacuationTitle: 'Evacuate now',
    evacuationText: 'Leave the building by the nearest exit.',
    evacuationSteps: [
      'Leave your order and belongings behind.',
      'Follow the instructions of the staff.',
      'Do not use the lift.',
    ],
  },
  nl: {
    langName: 'Nederlands',
    langSwitch: 'Taal',
    brand: 'Hubble café',
    heading: 'Klaar om op te halen',
    live: 'Live',
    connecting: 'Verbinden…',
    reconnecting: 'Opnieuw verbinden…',
    banner:
      'Geen verbinding. Opnieuw verbinden… De bestellingen hieronder zijn misschien niet actueel.',
    stale: 'Laatst bekende bestellingen, misschien niet actueel',
    empty: 'Er zijn nu geen bestellingen klaar.',
    emptyHint: 'Nummers verschijnen hier zodra de keuken klaar is.',
    readyCount: (count) => (count === 1 ? '1 bestelling' : `${count} bestellingen`),
    followTitle: 'Volg mijn bestelling',
    followLabel: 'Nummer op je bon',
    followHint: 'We laten het je weten zodra hij klaar is.',
    follow: 'Volg',
    errorEmpty: 'Typ het nummer dat op je bon staat.',
    errorInvalid: 'Dat is geen bestelnummer. Gebruik alleen cijfers, van 1 tot en met 99999.',
    following: (n) => `Bestelling ${n}`,
    waiting: 'Nog niet klaar. Houd deze pagina open: we laten het je weten.',
    ready: 'Klaar! Haal hem op bij de balie.',
    yourOrder: 'Jouw bestelling',
    notify: 'Meld het me',
    notifyOn: 'Meldingen aan',
    notifyBlocked: 'Meldingen geblokkeerd',
    sound: 'Geluid',
    stopFollowing: 'Stop met volgen',
    announceReady: (numbers) =>
      numbers.length === 1
        ? `Bestelling ${numbers[0]} is klaar.`
        : `Bestellingen ${list(numbers, 'en')} zijn klaar.`,
    announceMine: (n) => `Jouw bestelling ${n} is klaar!`,
    notificationTitle: 'Je bestelling is klaar',
    notificationBody: (n) => `Bestelling ${n} ligt voor je klaar bij de balie.`,
    install: 'App installeren',
    kioskHint: 'Volg je bestelling op je telefoon',
    newTag: 'Nieuw',
    nowServing: 'Nu klaar',
    nowServingEmpty: 'Net omgeroepen nummers staan hier.',
    page: (page, pages) => `Pagina ${page} van ${pages}`,
    qrLabel: (address) => `QR-code: scan om ${address} te openen`,
    chimePrompt: 'Tik om het belsignaal aan te zetten',
    clockLabel: 'Tijd',
    title: (brand) => `${brand}: bestellingen klaar`,
    lastCallTitle: 'Laatste ronde!',
    lastCallText: 'De keuken gaat bijna dicht. Bestel nu als je nog iets wilt.',
    closedTitle: 'De keuken is gesloten',
    closedText: 'Bestellingen die hieronder nog staan kun je ophalen bij de balie.',
    evacuationTitle: 'Nu evacueren',
    evacuationText: 'Verlaat het gebouw via de dichtstbijzijnde uitgang.',
    evacuationSteps: [
      'Laat je bestelling en spullen achter.',
      'Volg de aanwijzingen van het personeel.',
      'Gebruik de lift niet.',
    ],
  },
};
