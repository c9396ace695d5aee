import { takeCspViolations } from '../support/browser';
import { browserSuite } from '../support/suite';

describe('the Content-Security-Policy in the browser', () => {
  const suite = browserSuite();

  it('is on: an injected inline script does not run, and the violation is reported', async () => {
    const board = await suite.openBoard('/');
    const context = board.page.context();
    expect(takeCspViolations(context)).toEqual([]);
    const ran = await board.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      const reported = new Promise((resolve) =>
        document.addEventListener('securitypolicyviolation', resolve, { once: true }),
      );
      document.body.append(script);
      await reported;
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    // One more round trip, so the page's report (an exposed binding) has reached the test.
    await board.page.waitForFunction(() => true);
    const reports = takeCspViolations(context);
    expect(reports.join('\n')).toMatch(/script-src/);
  });
});
