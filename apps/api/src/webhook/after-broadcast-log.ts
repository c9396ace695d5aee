/**
 * Log lines written once the board broadcast of the change that caused them has started: two
 * turns of the event loop later, as BoardGateway's broadcast, so the phones do not wait for them.
 * At shutdown what is still pending is written at once, before the log's last flush (a SIGTERM
 * right after an answer must not lose its lines), and so is every later line.
 */
export class AfterBroadcastLog {
  private readonly pending = new Set<() => void>();
  private closing = false;

  write(line: () => void): void {
    const once = () => {
      if (this.pending.delete(once)) line();
    };
    this.pending.add(once);
    if (this.closing) once();
    else setImmediate(() => setImmediate(once));
  }

  /** Writes the pending lines now, and every later one at once. */
  close(): void {
    this.closing = true;
    for (const line of [...this.pending]) line();
  }
}
