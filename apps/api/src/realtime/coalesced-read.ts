/**
 * Shares one read among callers that arrive together, without ever handing a caller a result
 * read before it asked: while a read is running, new callers wait for the next one, which starts
 * when the running one ends and serves all of them. During a reconnect storm thousands of boards
 * ask for the same snapshot; this turns thousands of store reads into a handful.
 */
export class CoalescedRead<T> {
  private running: Promise<T> | undefined;
  private next: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.next;
  }

  private startQueued(): Promise<T> {
    this.next = undefined;
    return this.start();
  }

  private start(): Promise<T> {
    const read = this.read();
    this.running = read;
    const clear = () => {
      if (this.running === read) this.running = undefined;
    };
    read.then(clear, clear);
    return read;
  }
}
