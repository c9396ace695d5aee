import type {
  AuditAction,
  AuroraDeliveryState,
  AuroraProblemKind,
  ScreenState,
} from '@hubble/contracts';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Every text the back-office shows, in one language. Written for staff at the counter. */
export interface Messages {
  /** The language's own name, for the switch. */
  langName: string;
  langSwitch: string;
  brand: string;
  product: string;
  thisDevice: (label: string) => string;
  /** The header when a person signed in with the provider. */
  signedInAs: (label: string) => string;
  logout: string;
  /** Logging out asks first, in a dialog. */
  logoutConfirmTitle: string;
  logoutConfirmText: string;
  logoutConfirm: string;
  /** Links between the two screens. */
  navDesk: string;
  navInsights: string;
  live: string;
  connecting: string;
  reconnecting: string;
  offlineBanner: string;
  /** Said once on the desk while Aurora does not show our orders. */
  auroraProblem: Record<AuroraProblemKind, string>;

  checking: string;
  loginTitle: string;
  loginIntro: string;
  tokenLabel: string;
  showToken: string;
  hideToken: string;
  login: string;
  loggingIn: string;
  loginLinkHint: string;
  signInWith: (provider: string) => string;
  orToken: string;
  errTokenEmpty: string;
  errWrongToken: string;
  errThrottled: string;
  retryIn: (seconds: number) => string;
  errInvalidLink: string;
  errCrossSiteLink: string;
  errUnreachable: string;
  retry: string;
  loggedOut: string;
  sessionEnded: string;

  addTitle: string;
  numberLabel: string;
  numberPlaceholder: string;
  backspace: string;
  clear: string;
  add: string;
  adding: string;
  keyboardHint: string;
  touchHint: string;
  errEmpty: string;
  errRange: string;
  errDigits: string;
  errTooLong: string;
  added: (n: number) => string;
  refreshed: (n: number) => string;
  errOffline: string;
  /** Add pressed while the desk has no connection (nothing was tried). */
  errNotConnected: string;
  errServer: string;
  errRefused: (message: string) => string;

  activeTitle: string;
  activeCount: (count: number) => string;
  empty: string;
  emptyHint: string;
  tapToRemove: string;
  /** Starts a tile's accessible name, before the number: "Remove order 42 …". */
  removeOrder: string;
  timeLeft: (time: string) => string;
  sourceTill: string;
  sourceDesk: string;
  aurora: Record<AuroraDeliveryState, string>;
  /** Said once above the orders when Aurora sync is off (instead of on every order). */
  auroraOffNote: string;
  attempt: (n: number) => string;

  removed: (n: number) => string;
  undo: string;
  undoOrder: (n: number) => string;
  recalled: (n: number) => string;
  errRecallGone: (n: number) => string;
  errRecallActive: (n: number) => string;
  errRemoveGone: (n: number) => string;
  dismiss: string;

  removedTitle: string;
  removedEmpty: (minutes: number) => string;
  removedByStaff: string;
  removedExpired: string;
  recall: string;
  /** Ends the recall button's accessible name, after its visible text: "Put back order 12". */
  recallOrder: (n: number) => string;

  activityTitle: string;
  activityEmpty: string;
  sessionsTitle: string;
  sessionsShow: string;
  sessionsHide: string;
  sessionsEmpty: string;
  sessionCurrent: string;
  sessionEnd: (label: string) => string;
  sessionSince: (time: string) => string;
  errSessions: string;
  action: Record<AuditAction, (n: number | null) => string>;

  /** The page title for the café's name. */
  title: (brand: string) => string;
  screenStateTitle: string;
  /** The bartender's own labels (as in Star Community). */
  screenState: Record<ScreenState, string>;
  screenStateNow: (state: string) => string;
  screenStateHelp: Record<ScreenState, string>;
  screenStateSince: (time: string) => string;
  evacuationOnBanner: string;
  confirmStartTitle: string;
  confirmStartText: string;
  confirmStart: string;
  confirmEndTitle: string;
  confirmEndText: (state: string) => string;
  confirmEnd: string;
  cancel: string;
  errScreenState: string;
}

export const MESSAGES: Record<Lang, Messages> = {
  en: {
    langName: 'English',
    langSwitch: 'Language',
    brand: 'Hubble',
    product: 'Order desk',
    thisDevice: (label) => `This device: ${label}`,
    signedInAs: (label) => `Signed in: ${label}`,
    logout: 'Log out',
    logoutConfirmTitle: 'Log out of the desk?',
    logoutConfirmText: 'This device then needs the token or the login link again.',
    logoutConfirm: 'Yes, log out',
    navDesk: 'Desk',
    navInsights: 'Insights',
    live: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    offlineBanner:
      'Not connected: the list may be out of date and changes cannot be saved right now. Reconnecting…',
    auroraProblem: {
      unreachable:
        'The poster screens (Aurora) cannot be reached. Orders go up there as soon as it is back.',
      'wrong-key':
        'The poster screens (Aurora) do not accept our key. Ask whoever runs Aurora to check the API key; orders go up once it is fixed.',
      'not-granted':
        'The poster screens (Aurora) do not let us add or remove orders. Ask whoever runs Aurora to grant it; orders go up once it is fixed.',
      'feature-off':
        'Orders are switched off in Aurora (the poster screens). Ask whoever runs Aurora to switch them on; orders go up once it is.',
      refused:
        'The poster screens (Aurora) refuse our orders. Ask whoever runs Aurora to check; we keep trying.',
    },

    checking: 'Checking your login…',
    loginTitle: 'Staff login',
    loginIntro: 'Log in with the back-office token.',
    tokenLabel: 'Token',
    showToken: 'Show token',
    hideToken: 'Hide token',
    login: 'Log in',
    loggingIn: 'Logging in…',
    loginLinkHint:
      'On the kitchen tablet, bookmark the login link instead: one tap and you are in.',
    signInWith: (provider) => `Sign in with ${provider}`,
    orToken: 'or, on the kitchen tablet, with the staff token:',
    errTokenEmpty: 'Type or paste the token.',
    errWrongToken: 'That token is not right. Check it and try again.',
    errThrottled: 'Too many attempts. Try again in a minute.',
    retryIn: (s) => `You can try again in ${s} s.`,
    errInvalidLink: 'That login link is not valid (any more). Log in with the token instead.',
    errCrossSiteLink:
      'That login link was opened from another site, so it was not used. Open it from a bookmark or paste it into the address bar, or log in with the token.',
    errUnreachable: 'Cannot reach the server. Check the connection and try again.',
    retry: 'Try again',
    loggedOut: 'You are logged out.',
    sessionEnded: 'Your session has ended. Please log in again.',

    addTitle: 'Add an order',
    numberLabel: 'Order number',
    numberPlaceholder: 'Number',
    backspace: 'Delete last digit',
    clear: 'Clear',
    add: 'Add',
    adding: 'Adding…',
    keyboardHint: 'Type the number; Enter adds it, Esc clears.',
    touchHint: 'Tap the number, then Add.',
    errEmpty: 'Type a number first.',
    errRange: 'Order numbers go from 1 to 99999.',
    errDigits: 'Digits only, please.',
    errTooLong: 'At most 5 digits.',
    added: (n) => `Order ${n} is on the board.`,
    refreshed: (n) => `Order ${n} was already on the board: time renewed.`,
    errOffline: 'No connection: nothing changed. Try again.',
    errNotConnected: 'Not connected: nothing can be added right now.',
    errServer: 'Server problem: nothing changed. Try again.',
    errRefused: (message) => `Not done: ${message}`,

    activeTitle: 'On the board',
    activeCount: (count) => (count === 1 ? '1 order' : `${count} orders`),
    empty: 'No orders on the board.',
    emptyHint: 'Add one with the keypad. Orders from the till appear here by themselves.',
    tapToRemove: 'Tap an order once it has been picked up.',
    removeOrder: 'Remove order',
    timeLeft: (time) => `${time} left`,
    sourceTill: 'Till',
    sourceDesk: 'Desk',
    aurora: {
      pending: 'Aurora: sending',
      delivered: 'On Aurora',
      retrying: 'Aurora: retrying',
      failed: 'Aurora: failed',
      off: 'Aurora off',
    },
    auroraOffNote: 'The poster screens (Aurora) are not linked.',
    attempt: (n) => `attempt ${n}`,

    removed: (n) => `Order ${n} removed.`,
    undo: 'Undo',
    undoOrder: (n) => `Undo: put order ${n} back`,
    recalled: (n) => `Order ${n} is back on the board.`,
    errRecallGone: (n) => `Order ${n} can no longer be put back.`,
    errRecallActive: (n) => `Order ${n} is already on the board again.`,
    errRemoveGone: (n) => `Order ${n} was no longer on the board.`,
    dismiss: 'Dismiss',

    removedTitle: 'Recently removed',
    removedEmpty: (m) => `Nothing removed in the last ${m} minutes.`,
    removedByStaff: 'removed',
    removedExpired: 'timed out',
    recall: 'Put back',
    recallOrder: (n) => `order ${n}`,

    activityTitle: 'Recent activity',
    activityEmpty: 'No staff actions yet.',
    sessionsTitle: 'Signed in now',
    sessionsShow: 'Show who is signed in',
    sessionsHide: 'Hide',
    sessionsEmpty: 'No other sessions.',
    sessionCurrent: 'this device',
    sessionEnd: (label) => `End the session of ${label}`,
    sessionSince: (time) => `since ${time}`,
    errSessions: 'Could not load or end the sessions. Check the connection.',
    action: {
      login: () => 'logged in',
      logout: () => 'logged out',
      'order.add': (n) => `added ${n}`,
      'order.refresh': (n) => `renewed ${n}`,
      'order.remove': (n) => `removed ${n}`,
      'order.recall': (n) => `put back ${n}`,
      'session.end': () => 'ended a session',
      'screen-state.open': () => 'set the screens to Open',
      'screen-state.last-call': () => 'set the screens to Last call',
      'screen-state.closed': () => 'set the screens to Closed',
      'screen-state.evacuation': () => 'STARTED AN EVACUATION',
    },

    title: (brand) => `${brand} back-office`,
    screenStateTitle: 'Screens',
    screenState: {
      open: 'Open',
      'last-call': 'Last call!',
      closed: 'Closed',
      evacuation: 'Evacuation',
    },
    screenStateNow: (state) => `Screens: ${state}`,
    screenStateHelp: {
      open: 'Orders as usual.',
      'last-call': 'A "last call" banner above the orders.',
      closed: 'The boards say the kitchen is closed; shown orders can still be collected.',
      evacuation: 'A full-screen red alarm on every phone and screen.',
    },
    screenStateSince: (time) => `since ${time}`,
    evacuationOnBanner: 'Evacuation mode is on: every board shows the evacuation alarm.',
    confirmStartTitle: 'Start the evacuation?',
    confirmStartText:
      'Every phone and screen showing the board will sound and show a full-screen red alarm telling people to leave the building.',
    confirmStart: 'Yes, start the evacuation',
    confirmEndTitle: 'End the evacuation?',
    confirmEndText: (state) =>
      `The alarm disappears from every phone and screen, and they show "${state}".`,
    confirmEnd: 'Yes, end the evacuation',
    cancel: 'Cancel',
    errScreenState: 'The screens could not be changed. Check the connection and try again.',
  },
  nl: {
    langName: 'Nederlands',
    langSwitch: 'Taal',
    brand: 'Hubble',
    product: 'Bestelbalie',
    thisDevice: (label) => `Dit apparaat: ${label}`,
    signedInAs: (label) => `Ingelogd: ${label}`,
    logout: 'Uitloggen',
    logoutConfirmTitle: 'Uitloggen bij de balie?',
    logoutConfirmText: 'Dit apparaat heeft daarna het token of de inloglink weer nodig.',
    logoutConfirm: 'Ja, uitloggen',
    navDesk: 'Balie',
    navInsights: 'Inzichten',
    live: 'Live',
    connecting: 'Verbinden…',
    reconnecting: 'Opnieuw verbinden…',
    offlineBanner:
      'Geen verbinding: de lijst is misschien niet actueel en wijzigingen kunnen nu niet worden opgeslagen. Opnieuw verbinden…',
    auroraProblem: {
      unreachable:
        'De posterschermen (Aurora) zijn niet bereikbaar. Bestellingen komen erop zodra Aurora terug is.',
      'wrong-key':
        'De posterschermen (Aurora) accepteren onze sleutel niet. Vraag wie Aurora beheert de API-sleutel te controleren; daarna komen de bestellingen erop.',
      'not-granted':
        'De posterschermen (Aurora) laten ons geen bestellingen toevoegen of weghalen. Vraag wie Aurora beheert dat toe te staan; daarna komen ze erop.',
      'feature-off':
        'Bestellingen staan uit in Aurora (de posterschermen). Vraag wie Aurora beheert ze aan te zetten; daarna komen ze erop.',
      refused:
        'De posterschermen (Aurora) weigeren onze bestellingen. Vraag wie Aurora beheert het na te kijken; we blijven het proberen.',
    },

    checking: 'Je login controleren…',
    loginTitle: 'Inloggen personeel',
    loginIntro: 'Log in met het back-office-token.',
    tokenLabel: 'Token',
    showToken: 'Token tonen',
    hideToken: 'Token verbergen',
    login: 'Inloggen',
    loggingIn: 'Bezig met inloggen…',
    loginLinkHint:
      'Op de keukentablet: zet de inloglink in je bladwijzers. Eén tik en je bent binnen.',
    signInWith: (provider) => `Inloggen met ${provider}`,
    orToken: 'of, op de keukentablet, met het token van het personeel:',
    errTokenEmpty: 'Typ of plak het token.',
    errWrongToken: 'Dat token klopt niet. Controleer het en probeer het opnieuw.',
    errThrottled: 'Te veel pogingen. Probeer het over een minuut opnieuw.',
    retryIn: (s) => `Je kunt het over ${s} s opnieuw proberen.`,
    errInvalidLink: 'Die inloglink is niet (meer) geldig. Log in met het token.',
    errCrossSiteLink:
      'Die inloglink werd vanaf een andere site geopend en is daarom niet gebruikt. Open hem via een bladwijzer of plak hem in de adresbalk, of log in met het token.',
    errUnreachable:
      'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    retry: 'Opnieuw proberen',
    loggedOut: 'Je bent uitgelogd.',
    sessionEnded: 'Je sessie is beëindigd. Log opnieuw in.',

    addTitle: 'Bestelling toevoegen',
    numberLabel: 'Bestelnummer',
    numberPlaceholder: 'Nummer',
    backspace: 'Laatste cijfer wissen',
    clear: 'Wissen',
    add: 'Toevoegen',
    adding: 'Toevoegen…',
    keyboardHint: 'Typ het nummer; Enter voegt toe, Esc wist.',
    touchHint: 'Tik het nummer in en druk op Toevoegen.',
    errEmpty: 'Typ eerst een nummer.',
    errRange: 'Bestelnummers lopen van 1 tot en met 99999.',
    errDigits: 'Alleen cijfers, graag.',
    errTooLong: 'Hooguit 5 cijfers.',
    added: (n) => `Bestelling ${n} staat op het bord.`,
    refreshed: (n) => `Bestelling ${n} stond al op het bord: tijd verlengd.`,
    errOffline: 'Geen verbinding: niets veranderd. Probeer opnieuw.',
    errNotConnected: 'Geen verbinding: er kan nu niets worden toegevoegd.',
    errServer: 'Serverprobleem: niets veranderd. Probeer opnieuw.',
    errRefused: (message) => `Niet gelukt: ${message}`,

    activeTitle: 'Op het bord',
    activeCount: (count) => (count === 1 ? '1 bestelling' : `${count} bestellingen`),
    empty: 'Geen bestellingen op het bord.',
    emptyHint:
      'Voeg er een toe met het toetsenblok. Bestellingen van de kassa verschijnen hier vanzelf.',
    tapToRemove: 'Tik op een bestelling zodra die is opgehaald.',
    removeOrder: 'Weghalen: bestelling',
    timeLeft: (time) => `nog ${time}`,
    sourceTill: 'Kassa',
    sourceDesk: 'Balie',
    aurora: {
      pending: 'Aurora: versturen',
      delivered: 'Op Aurora',
      retrying: 'Aurora: opnieuw',
      failed: 'Aurora: mislukt',
      off: 'Aurora uit',
    },
    auroraOffNote: 'De posterschermen (Aurora) zijn niet gekoppeld.',
    attempt: (n) => `poging ${n}`,

    removed: (n) => `Bestelling ${n} weggehaald.`,
    undo: 'Ongedaan maken',
    undoOrder: (n) => `Ongedaan maken: zet bestelling ${n} terug`,
    recalled: (n) => `Bestelling ${n} staat weer op het bord.`,
    errRecallGone: (n) => `Bestelling ${n} kan niet meer worden teruggezet.`,
    errRecallActive: (n) => `Bestelling ${n} staat alweer op het bord.`,
    errRemoveGone: (n) => `Bestelling ${n} stond niet meer op het bord.`,
    dismiss: 'Sluiten',

    removedTitle: 'Onlangs weggehaald',
    removedEmpty: (m) => `Niets weggehaald in de laatste ${m} minuten.`,
    removedByStaff: 'weggehaald',
    removedExpired: 'verlopen',
    recall: 'Terugzetten',
    recallOrder: (n) => `bestelling ${n}`,

    activityTitle: 'Recente activiteit',
    activityEmpty: 'Nog geen acties van personeel.',
    sessionsTitle: 'Nu ingelogd',
    sessionsShow: 'Laat zien wie is ingelogd',
    sessionsHide: 'Verbergen',
    sessionsEmpty: 'Geen andere sessies.',
    sessionCurrent: 'dit apparaat',
    sessionEnd: (label) => `Beëindig de sessie van ${label}`,
    sessionSince: (time) => `sinds ${time}`,
    errSessions: 'Kon de sessies niet laden of beëindigen. Controleer de verbinding.',
    action: {
      login: () => 'ingelogd',
      logout: () => 'uitgelogd',
      'order.add': (n) => `${n} toegevoegd`,
      'order.refresh': (n) => `${n} verlengd`,
      'order.remove': (n) => `${n} weggehaald`,
      'order.recall': (n) => `${n} teruggezet`,
      'session.end': () => 'sessie beëindigd',
      'screen-state.open': () => 'schermen op Open gezet',
      'screen-state.last-call': () => 'schermen op Laatste ronde gezet',
      'screen-state.closed': () => 'schermen op Gesloten gezet',
      'screen-state.evacuation': () => 'EVACUATIE GESTART',
    },

    title: (brand) => `${brand} back-office`,
    screenStateTitle: 'Schermen',
    screenState: {
      open: 'Open',
      'last-call': 'Laatste ronde!',
      closed: 'Gesloten',
      evacuation: 'Evacuatie',
    },
    screenStateNow: (state) => `Schermen: ${state}`,
    screenStateHelp: {
      open: 'Bestellingen zoals altijd.',
      'last-call': 'Een balk "laatste ronde" boven de bestellingen.',
      closed:
        'De borden melden dat de keuken dicht is; getoonde bestellingen kunnen nog opgehaald worden.',
      evacuation: 'Een rood alarm over het hele scherm op elke telefoon en elk scherm.',
    },
    screenStateSince: (time) => `sinds ${time}`,
    evacuationOnBanner: 'Evacuatiemodus staat aan: elk bord toont het evacuatiealarm.',
    confirmStartTitle: 'Evacuatie starten?',
    confirmStartText:
      'Elke telefoon en elk scherm met het bord geeft een rood alarm over het hele scherm dat mensen het gebouw moeten verlaten.',
    confirmStart: 'Ja, start de evacuatie',
    confirmEndTitle: 'Evacuatie beëindigen?',
    confirmEndText: (state) =>
      `Het alarm verdwijnt van elke telefoon en elk scherm; ze tonen weer "${state}".`,
    confirmEnd: 'Ja, beëindig de evacuatie',
    cancel: 'Annuleren',
    errScreenState:
      'De schermen konden niet worden aangepast. Controleer de verbinding en probeer opnieuw.',
  },
};
