// Messages between the benchmark orchestrator and its load-generator processes (IPC).

export interface CpuUse {
  /** CPU time the process used (user + system), ms. */
  cpuMs: number;
  /** Wall time over which it was measured, ms. */
  wallMs: number;
}

export type SwarmCommand =
  | { type: 'connect'; url: string; count: number }
  /** Start recording order.created receipts (number, time) on every board. */
  | { type: 'record' }
  | { type: 'report' }
  /** Drop every board and reconnect each within `spreadMs`; done when all hold `version`. */
  | { type: 'storm'; spreadMs: number; version: number }
  | { type: 'close' };

export type SwarmReply =
  | { type: 'connected'; connected: number; errors: number }
  | { type: 'report'; receipts: [number, number][]; connected: number; cpu: CpuUse }
  | { type: 'storm-done'; lastCorrectAt: number; correct: number; errors: number }
  | { type: 'error'; message: string };

export type IngestCommand =
  | { type: 'prepare'; privateKeyPem: string; numbers: number[] }
  | { type: 'run'; url: string; durationMs: number; concurrency: number };

export type IngestReply =
  | { type: 'prepared' }
  | {
      type: 'ran';
      acknowledged: number[];
      failures: Record<string, number>;
      sent: number;
      cpu: CpuUse;
    }
  | { type: 'error'; message: string };

export type AuroraCommand = { type: 'report' } | { type: 'clear' };

export type AuroraReply =
  | { type: 'ready'; url: string }
  /** When each order's first add reached the stand-in: [order number, time]. */
  | { type: 'report'; received: [number, number][] }
  | { type: 'cleared' }
  | { type: 'error'; message: string };
