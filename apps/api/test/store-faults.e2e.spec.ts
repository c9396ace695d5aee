import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { runServerToExit, ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

const signer = new WebhookSigner();
const keyFile = signer.writePublicKeyFile();

interface Ready {
  status: number;
  storeReason?: string;
}

const listNumbers = async (url: string) =>
  ((await (await fetch(`${url}/api/orders`)).json()) as { number: number }[])
    .map((order) => order.number)
    .sort((a, b) => a - b);

async function ready(url: string): Promise<Ready> {
  const response = await fetch(`${url}/health/ready`);
  const body = (await response.json()) as {
    details?: { store?: { reason?: string } };
    error?: { store?: { reason?: string } };
  };
  return {
    status: response.status,
    storeReason: body.error?.store?.reason ?? body.details?.store?.reason,
  };
}

const send = async (url: string, orderNumber: number) =>
  (await signer.send(url, JSON.stringify({ orderNumber }))).status;

const chattr = (flag: '+i' | '-i', ...paths: string[]) =>
  execFileSync('chattr', [flag, ...paths], { stdio: 'pipe' });

describe('an embedded store that fails while running', () => {
  let store: TestStore;
  let server: ServerProcess | undefined;
  let immutable: string[] = [];
  const file = () => join(store.env.DATA_DIR, 'hubble.sqlite');
  const start = async () =>
    (server = await ServerProcess.start({ ...store.env, STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile }));

  beforeEach(async () => {
    store = await createTestStore('sqlite');
  });

  afterEach(async () => {
    if (immutable.length) chattr('-i', ...immutable);
    immutable = [];
    await server?.stop('SIGKILL');
    server = undefined;
    await store.dispose();
  });

  it('deleted: every webhook answered 2xx is there after a restart, and one error names the file', async () => {
    const first = await start();
    expect(await send(first.url, 1)).toBe(200);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file() + suffix, { force: true });

    const answers = new Map<number, number>();
    for (let number = 100; number < 120; number++)
      answers.set(number, await send(first.url, number));
    const acknowledged = [...answers].filter(([, status]) => status === 200).map(([n]) => n);
    expect([...answers.values()].every((status) => status === 200 || status === 503)).toBe(true);
    // The store is rebuilt at once from the open connection, so most are taken.
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    expect(statSync(file()).size).toBeGreaterThan(0);
    const errors = (await first.logsUpToNow())
      .split('\n')
      .filter((line) => line.includes('cannot keep orders'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(file());

    await first.stop('SIGTERM');
    const second = await start();
    const listed = await listNumbers(second.url);
    expect(listed).toEqual(expect.arrayContaining([1, ...acknowledged]));
    expect((await ready(second.url)).status).toBe(200);
  });

  it('deleted and its directory cannot be written: 503 and not ready for as long as it lasts', async () => {
    const first = await start();
    expect(await send(first.url, 1)).toBe(200);
    // Paused, so it cannot rebuild the store between the deletion and the lock.
    process.kill(first.pid, 'SIGSTOP');
    for (const suffix of ['', '-wal', '-shm']) rmSync(file() + suffix, { force: true });
    chattr('+i', store.env.DATA_DIR);
    immutable = [store.env.DATA_DIR];
    process.kill(first.pid, 'SIGCONT');

    for (let number = 200; number < 210; number++) {
      expect(await send(first.url, number)).toBe(503);
      const now = await ready(first.url);
      expect(now.status).toBe(503);
      expect(now.storeReason).toContain('was deleted');
    }
    const health = await fetch(`${first.url}/health`);
    expect(health.status).toBe(503);

    chattr('-i', store.env.DATA_DIR);
    immutable = [];
    await waitUntil(async () => (await ready(first.url)).status === 200, 15_000, 'recovery');
    expect(await send(first.url, 300)).toBe(200);

    await first.stop('SIGTERM');
    const second = await start();
    expect(await listNumbers(second.url)).toEqual(expect.arrayContaining([1, 300]));
  });

  it('read-only (immutable files, which root cannot bypass): webhooks 503, not ready, then back', async () => {
    const first = await start();
    expect(await send(first.url, 1)).toBe(200);
    immutable = [file(), `${file()}-wal`];
    chattr('+i', ...immutable);

    expect(await send(first.url, 2)).toBe(503);
    expect(await send(first.url, 3)).toBe(503);
    const now = await ready(first.url);
    expect(now.status).toBe(503);
    expect(now.storeReason).toContain('read-only');

    chattr('-i', ...immutable);
    immutable = [];
    await waitUntil(async () => (await ready(first.url)).status === 200, 15_000, 'recovery');
    expect(await send(first.url, 4)).toBe(200);
    await first.stop('SIGTERM');
    const second = await start();
    expect(await listNumbers(second.url)).toEqual(expect.arrayContaining([1, 4]));
  });
});

describe('an embedded store on a full disk', () => {
  let mountPoint: string;
  let server: ServerProcess | undefined;

  beforeEach(() => {
    mountPoint = mkdtempSync(join(tmpdir(), 'hubble-full-'));
    // A small disk of its own (tmpfs): filling it hurts no one else.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
  });

  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  const env = () => ({
    DATA_DIR: join(mountPoint, 'data'),
    STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
  });

  /** A server that took order 1, then its disk filled to the last byte. */
  async function firstOrderThenFullDisk(): Promise<{ url: string; filler: string }> {
    const running = (server = await ServerProcess.start(env()));
    expect(await send(running.url, 1)).toBe(200);
    const filler = join(mountPoint, 'filler');
    fillDisk(filler);
    return { url: running.url, filler };
  }

  /** Stops the server and starts it again on the same store; what it then lists. */
  async function numbersAfterRestart(): Promise<number[]> {
    await server?.stop('SIGTERM');
    const restarted = (server = await ServerProcess.start(env()));
    return listNumbers(restarted.url);
  }

  it('answers 503 (not 500, never 200 for what was not written, never 503 for what was), says why, and recovers', async () => {
    const { url, filler } = await firstOrderThenFullDisk();

    const answers: number[] = [];
    for (let number = 2; number < 200 && !answers.includes(503); number++) {
      answers.push(await send(url, number));
    }
    expect(answers.every((status) => status === 200 || status === 503)).toBe(true);
    expect(answers).toContain(503);
    const now = await ready(url);
    expect(now.status).toBe(503);
    expect(now.storeReason).toMatch(/full/);

    rmSync(filler);
    await waitUntil(async () => (await ready(url)).status === 200, 15_000, 'recovery');
    expect(await send(url, 500)).toBe(200);
    const acknowledged = [
      1,
      ...answers.flatMap((status, index) => (status === 200 ? [index + 2] : [])),
      500,
    ];
    // Exactly what was acknowledged: an order refused with 503 was not written either (Star
    // Community does not retry, so a refused order that was kept would never be announced).
    expect(await numbersAfterRestart()).toEqual(acknowledged);
  });

  it('nearly full (room for a commit, but under 256 KB): refused before writing, so a 503 leaves no order behind', async () => {
    const { url, filler } = await firstOrderThenFullDisk();
    truncateSync(filler, statSync(filler).size - 128 * 1024);

    expect(await send(url, 2)).toBe(503);
    expect(await send(url, 3)).toBe(503);
    expect((await ready(url)).storeReason).toMatch(/full/);
    rmSync(filler);
    await waitUntil(async () => (await ready(url)).status === 200, 15_000, 'recovery');
    expect(await send(url, 4)).toBe(200);
    expect(await numbersAfterRestart()).toEqual([1, 4]);
  });
});

/** Writes zeros to `path` until the file system has no room left. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // The last few bytes too, so no page of the store fits any more.
  const tail = openSync(path, 'a');
  try {
    for (;;) writeSync(tail, Buffer.alloc(512));
  } catch {
    // full
  } finally {
    closeSync(tail);
  }
}

describe('the embedded store checked at start', () => {
  let store: TestStore;

  beforeEach(async () => {
    store = await createTestStore('sqlite');
  });

  afterEach(async () => {
    await store.dispose();
  });

  const file = () => join(store.env.DATA_DIR, 'hubble.sqlite');
  const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  async function storeWithOrders(): Promise<void> {
    const server = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    });
    for (let number = 1; number <= 30; number++) await signer.sendOrder(server.url, number);
    await server.stop('SIGTERM');
  }

  async function expectRefusedStart(what: RegExp): Promise<void> {
    const before = digest(file());
    const { code, output } = await runServerToExit({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    });
    expect(code).toBe(1);
    expect(output).toContain(file());
    expect(output).toMatch(what);
    expect(output).toContain('npm run backup');
    expect(output).not.toContain('listening on');
    expect(digest(file())).toBe(before);
  }

  it('a store whose second half was overwritten stops the start and is left as it was', async () => {
    await storeWithOrders();
    const size = statSync(file()).size;
    const fd = openSync(file(), 'r+');
    writeSync(fd, randomBytes(size - Math.floor(size / 2)), 0, undefined, Math.floor(size / 2));
    closeSync(fd);
    await expectRefusedStart(/is corrupt/);
  });

  it('an empty store file without its WAL stops the start', async () => {
    writeFileSync(file(), '');
    await expectRefusedStart(/is corrupt: the file is empty/);
  });

  it('a store migrated by a newer version stops the start', async () => {
    await storeWithOrders();
    const db = new DatabaseSync(file());
    db.prepare(`insert into kysely_migration (name, timestamp) values ('999-future', 'x')`).run();
    db.close();
    await expectRefusedStart(/newer version of Hubble \(migration "999-future"/);
  });
});
