import { createServer } from 'node:http';
import { ConfigError } from '../config';
import { httpSettings } from '../config';
import { applyHttpLimits } from './http-limits';
import { raiseOpenFileLimit } from './open-file-limit';

describe('HTTP limits', () => {
  it('runs with the soft open-file limit at the hard one', () => {
    const limit = raiseOpenFileLimit();
    expect(limit).toBeDefined();
    expect(limit?.soft).toBe(limit?.hard);
  });

  it('derives the cap below the open-file limit and sets the timeouts', () => {
    const server = createServer();
    const guard = applyHttpLimits(server, httpSettings({}));
    expect(guard.connections).toBe(0);
    expect(server.headersTimeout).toBe(15_000);
    expect(server.requestTimeout).toBe(20_000);
    expect(server.keepAliveTimeout).toBe(5000);
  });

  it('refuses a MAX_CONNECTIONS that leaves no files for anything else', () => {
    const soft = raiseOpenFileLimit()?.soft ?? 65_536;
    const settings = httpSettings({ MAX_CONNECTIONS: String(Math.min(soft, 1_000_000)) });
    expect(() => applyHttpLimits(createServer(), settings)).toThrow(ConfigError);
    expect(() => applyHttpLimits(createServer(), settings)).toThrow(
      /^MAX_CONNECTIONS must be at most/,
    );
  });
});
