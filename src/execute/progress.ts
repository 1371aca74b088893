import { formatDuration } from '../core/format.js';
import type { Logger } from '../core/log.js';
import type { Ledger } from '../money/ledger.js';
import type { RunRecord } from '../report/record.js';

/** Polls between two progress lines of a batch. */
export const PROGRESS_EVERY = 5;

/** A batch's progress lines, and the time stamps of the executor's log lines. */
export class Progress {
  private lastLine?: string;
  private readonly startedAt: number;

  constructor(
    private readonly records: RunRecord[],
    private readonly ledger: Ledger,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** The batch's progress, unless the last line said the same; `live` counts the jobs still followed. */
  report(live: number): void {
    const line = this.line(live);
    if (line !== this.lastLine) this.log.info(line);
    this.lastLine = line;
  }

  /** `12/40 completed, 3 running, 1 failed, 4 410 credits` */
  line(live: number): string {
    const count = (outcome: string) => this.records.filter((r) => r.outcome === outcome).length;
    // Jobs left running on purpose (wait: false) are running too.
    const running = live + count('submitted') + count('running');
    const parts = [`${count('completed')}/${this.records.length} completed`, `${running} running`];
    for (const outcome of ['failed', 'cancelled', 'error', 'skipped', 'timed-out']) {
      if (count(outcome)) parts.push(`${count(outcome)} ${outcome}`);
    }
    parts.push(`${this.ledger.spent().toLocaleString('en-US').replace(/,/g, ' ')} credits`);
    return parts.join(', ');
  }

  /** Time since the step began carrying out its runs, aligned for the log: `[   12s]`. */
  elapsed(): string {
    return formatDuration(this.now() - this.startedAt).padStart(6);
  }
}
