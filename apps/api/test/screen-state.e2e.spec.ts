import { generateKeyPairSync, sign } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  type AdminSnapshot,
  BOARD_NAMESPACE,
  type BoardSnapshot,
  SCREEN_STATE_EVENT,
  SCREEN_STATE_ROUTES,
  type ScreenStateDto,
} from '@hubble/contracts';
import { createTestDatabase, postgresRequiredOrAvailable } from './support/postgres';
import { redisRequiredOrAvailable, TEST_REDIS_URL, testChannelPrefix } from './support/redis';
import { ServerProcess } from './support/server-process';
import { nextEvent, StaffClient } from './support/staff-client';
import { createTestStore, type TestStore } from './support/stores';
import { WebhookSigner } from './support/webhook-signer';

const TOKEN = 'screen-state-admin-token-0123456789';
const signer = new WebhookSigner();
const keyFile = signer.writePublicKeyFile();

function sendState(baseUrl: string, body: string, headers?: Record<string, string>) {
  return fetch(new URL(SCREEN_STATE_ROUTES.webhook, baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(headers ?? { 'x-signature': signer.signature(body) }),
    },
    body,
  });
}

async function currentState(baseUrl: string): Promise<ScreenStateDto> {
  const response = await fetch(new URL(SCREEN_STATE_ROUTES.current, baseUrl));
  expect(response.status).toBe(200);
  return (await response.json()) as ScreenStateDto;
}

function boardSocket(baseUrl: string): Socket {
  return io(new URL(BOARD_NAMESPACE, baseUrl).toString(), {
    transports: ['websocket'],
    reconnection: false,
    // Its own connection: a shared one would carry no staff cookie to /admin.
    forceNew: true,
  });
}

describe('screen state (ScreenStateChangedWebhook and the desk)', () => {
  let store: TestStore;
  let server: ServerProcess;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    server = await ServerProcess.start({
      ...store.env,
      ADMIN_TOKEN: TOKEN,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    });
  });

  afterEach(() => {
    sockets.splice(0).forEach((socket) => socket.close());
  });

  afterAll(async () => {
    await server?.stop();
    await store?.dispose();
  });

  it('is open, since the epoch, when nothing was ever set', async () => {
    expect(await currentState(server.url)).toEqual({
      state: 'open',
      since: new Date(0).toISOString(),
    });
  });

  it('accepts a signed change, stores it and broadcasts it on /board and /admin', async () => {
    const staff = new StaffClient(server.url);
    expect((await staff.login(TOKEN)).status).toBe(200);
    const board = boardSocket(server.url);
    const desk = staff.connect();
    sockets.push(board, desk);
    const [boardSnapshot, deskSnapshot] = await Promise.all([
      nextEvent<BoardSnapshot>(board, 'snapshot'),
      nextEvent<AdminSnapshot>(desk, 'snapshot'),
    ]);
    expect(boardSnapshot.screenState?.state).toBe('open');
    expect(deskSnapshot.screenState?.state).toBe('open');

    const onBoard = nextEvent<ScreenStateDto>(board, SCREEN_STATE_EVENT);
    const onDesk = nextEvent<ScreenStateDto>(desk, SCREEN_STATE_EVENT);
    const before = Date.now();
    const response = await sendState(server.url, '{"desiredState": "last-call"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'accepted', state: 'last-call' });

    const stored = await currentState(server.url);
    expect(stored.state).toBe('last-call');
    expect(Date.parse(stored.since)).toBeGreaterThanOrEqual(before - 1000);
    expect(await onBoard).toEqual(stored);
    expect(await onDesk).toEqual(stored);

    // A board connecting now gets it in its snapshot.
    const late = boardSocket(server.url);
    sockets.push(late);
    expect((await nextEvent<BoardSnapshot>(late, 'snapshot')).screenState).toEqual(stored);
  });

  it('keeps `since` when the same state is sent again', async () => {
    const held = await currentState(server.url);
    expect((await sendState(server.url, '{"desiredState":"last-call"}')).status).toBe(200);
    expect(await currentState(server.url)).toEqual(held);
  });

  describe('refusals change nothing', () => {
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const body = '{"desiredState":"evacuation"}';

    async function expectRefused(response: Response, status: number, message: RegExp) {
      const held = await currentState(server.url);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const answer = (await response.json()) as { statusCode: number; message: string };
      expect(answer.statusCode).toBe(status);
      expect(answer.message).toMatch(message);
      expect(await currentState(server.url)).toEqual(held);
      expect(held.state).toBe('last-call');
    }

    it('401 for a forged signature', async () => {
      const forged = sign('sha256', Buffer.from(body), forger).toString('base64');
      await expectRefused(
        await sendState(server.url, body, { 'x-signature': forged }),
        401,
        /does not match/,
      );
    });

    it('401 for an unsigned body', async () => {
      await expectRefused(await sendState(server.url, body, {}), 401, /missing/);
    });

    it('401 for a signature of other bytes (re-serialised JSON)', async () => {
      await expectRefused(
        await sendState(server.url, '{"desiredState": "evacuation"}', {
          'x-signature': signer.signature(body),
        }),
        401,
        /does not match/,
      );
    });

    it('413 for a body over 16 KB', async () => {
      const big = JSON.stringify({ desiredState: 'evacuation', pad: 'x'.repeat(20 * 1024) });
      await expectRefused(await sendState(server.url, big), 413, /too large/);
    });

    it.each([
      ['an unknown state', '{"desiredState":"party"}'],
      ['the wrong case', '{"desiredState":"EVACUATION"}'],
      ['a number', '{"desiredState":3}'],
      ['no desiredState', '{"state":"evacuation"}'],
      ['an array', '["evacuation"]'],
    ])('400 for %s', async (_label, text) => {
      await expectRefused(await sendState(server.url, text), 400, /desiredState must be one of/);
    });

    it('400 for a body that is not JSON', async () => {
      await expectRefused(await sendState(server.url, '{"desiredState":'), 400, /not valid JSON/);
    });
  });

  describe('PUT /api/screen-state (staff)', () => {
    it('401 without a session, 403 cross-site, 400 for an unknown state; nothing changes', async () => {
      const held = await currentState(server.url);
      const anonymous = new StaffClient(server.url);
      expect(
        (await anonymous.request('PUT', SCREEN_STATE_ROUTES.current, { state: 'closed' })).status,
      ).toBe(401);
      const staff = new StaffClient(server.url);
      await staff.login(TOKEN);
      const crossSite = await staff.request(
        'PUT',
        SCREEN_STATE_ROUTES.current,
        { state: 'closed' },
        { 'sec-fetch-site': 'cross-site' },
      );
      expect(crossSite.status).toBe(403);
      for (const body of [{ state: 'panic' }, { state: null }, ['closed'], '"closed"', '{']) {
        const response = await staff.request('PUT', SCREEN_STATE_ROUTES.current, body);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { message: string }).message).toMatch(
          /state must be one of|JSON object|not valid JSON/,
        );
      }
      expect(await currentState(server.url)).toEqual(held);
    });

    it('sets the state, broadcasts it and records it in the audit trail', async () => {
      const staff = new StaffClient(server.url);
      await staff.login(TOKEN);
      const board = boardSocket(server.url);
      sockets.push(board);
      await nextEvent(board, 'snapshot');
      const onBoard = nextEvent<ScreenStateDto>(board, SCREEN_STATE_EVENT);
      const response = await staff.request('PUT', SCREEN_STATE_ROUTES.current, {
        state: 'evacuation',
      });
      expect(response.status).toBe(200);
      const set = (await response.json()) as ScreenStateDto;
      expect(set.state).toBe('evacuation');
      expect(await onBoard).toEqual(set);
      expect(await currentState(server.url)).toEqual(set);

      const desk = (await (await staff.request('GET', '/api/admin/desk')).json()) as AdminSnapshot;
      expect(desk.activity[0]).toEqual(
        expect.objectContaining({ action: 'screen-state.evacuation', orderNumber: null }),
      );
    });
  });

  it('survives a restart', async () => {
    const held = await currentState(server.url);
    expect(held.state).toBe('evacuation');
    await server.stop();
    server = await ServerProcess.start({
      ...store.env,
      ADMIN_TOKEN: TOKEN,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    });
    expect(await currentState(server.url)).toEqual(held);
    const board = boardSocket(server.url);
    sockets.push(board);
    expect((await nextEvent<BoardSnapshot>(board, 'snapshot')).screenState).toEqual(held);
  });
});

const clustered = (await postgresRequiredOrAvailable()) && (await redisRequiredOrAvailable());

(clustered ? describe : describe.skip)('screen state on two instances (PostgreSQL, Redis)', () => {
  const servers: ServerProcess[] = [];
  const sockets: Socket[] = [];
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = () => database.drop();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_CHANNEL_PREFIX: testChannelPrefix(),
      ADMIN_TOKEN: TOKEN,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    };
    servers.push(...(await Promise.all([ServerProcess.start(env), ServerProcess.start(env)])));
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all(servers.map((server) => server.stop()));
    await drop?.();
  });

  it('agree on the state, and a change on one reaches boards on the other', async () => {
    const [a, b] = servers;
    const boardOnB = boardSocket(b.url);
    sockets.push(boardOnB);
    await nextEvent(boardOnB, 'snapshot');
    const onB = nextEvent<ScreenStateDto>(boardOnB, SCREEN_STATE_EVENT);

    expect((await sendState(a.url, '{"desiredState":"closed"}')).status).toBe(200);
    const onA = await currentState(a.url);
    expect(onA.state).toBe('closed');
    expect(await currentState(b.url)).toEqual(onA);
    expect(await onB).toEqual(onA);
  });

  it('orders changes made on both at once: both end on the same, later state', async () => {
    const [a, b] = servers;
    const states = ['evacuation', 'open', 'last-call', 'closed'] as const;
    for (let round = 0; round < 5; round++) {
      const first = states[round % 4];
      const second = states[(round + 1) % 4];
      await Promise.all([
        sendState(a.url, JSON.stringify({ desiredState: first })),
        sendState(b.url, JSON.stringify({ desiredState: second })),
      ]);
      const [onA, onB] = [await currentState(a.url), await currentState(b.url)];
      expect(onA).toEqual(onB);
      expect([first, second]).toContain(onA.state);
    }
  });
});
