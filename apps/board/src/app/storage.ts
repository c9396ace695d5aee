export { deviceStorage } from '@hubble/ui';

/** Keys of everything the board keeps on the device. */
export const STORAGE_KEYS = {
  snapshot: 'hubble.board.snapshot',
  follow: 'hubble.board.follow',
  sound: 'hubble.board.sound',
  lang: 'hubble.board.lang',
  pushEndpoint: 'hubble.board.push-endpoint',
} as const;
