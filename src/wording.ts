import { isTerminal } from './armox/types.js';
import { plural } from './core/format.js';

/** What `Naming.ended` reads of a run's record. */
interface RunEnd {
  name: string;
  jobId?: string;
  outcome?: string;
  errorMessage?: string;
}

/**
 * Where a single run and a batch read differently, in one place: a batch
 * names each item (`item "hero"`), a single run is `the run` and speaks of its
 * job. Built from the record's `perItem` (`StepRecord.naming`); every phase
 * asks it for a wording rather than branching on `perItem`. What else differs
 * is behaviour a user sees (a single run's error is the step's; a batch goes
 * on past a failed item) and the shapes of the outputs (`report/step-outputs.ts`).
 */
export class Naming {
  constructor(
    /** Several runs: log lines name the item, and one run's failure does not end the others. */
    readonly perItem: boolean,
  ) {}

  /** How messages name a run: `item "2"`, or `the run`. */
  readonly what = (run: { name: string }): string => (this.perItem ? `item "${run.name}"` : 'the run');

  /** How messages name several runs: `item "2", item "5"`, or `the run`. */
  which(names: string[]): string {
    return this.perItem ? names.map((name) => this.what({ name })).join(', ') : 'the run';
  }

  /** A log line's prefix naming the item (`hero: `); a single run's lines need none. */
  label(name: string): string | undefined {
    return this.perItem ? `${name}: ` : undefined;
  }

  /** What a delivery message adds to name the run: ` of hero`, or nothing for the single run. */
  of(name: string): string {
    return this.perItem || name !== '1' ? ` of ${name}` : '';
  }

  /** The item's name, where a file or an asset is filed under it; undefined for a single run. */
  item(name: string): string | undefined {
    return this.perItem ? name : undefined;
  }

  /** A dry run: `all 3 runs match`, or `the inputs match` (the contract). */
  runsMatch(count: number): string {
    return this.perItem ? `all ${count} runs match` : 'the inputs match';
  }

  /** A dry run's request heading: ` for hero`, or nothing. */
  forRequest(name: string): string {
    return this.perItem ? ` for ${name}` : '';
  }

  /** After max-credits is crossed by a charge: the paid run is delivered; a batch submits nothing more. */
  paidFor(): string {
    return `The run is paid for, so its results are delivered${this.perItem ? '; nothing more is submitted' : ''}.`;
  }

  /** The subject of a status line: the item's name, or `job <id>`. */
  subject(name: string, jobId: string): string {
    return this.perItem ? name : `job ${jobId}`;
  }

  /** `[  12s] hero: job j1 accepted (3 credits).`, or `Job j1 accepted (3 credits).` */
  accepted(name: string, jobId: string, charge: string, elapsed: string): string {
    return this.perItem ? `[${elapsed}] ${name}: job ${jobId} accepted${charge}.` : `Job ${jobId} accepted${charge}.`;
  }

  /** A poll's news of a job: `[  12s] hero: processing`, or `[  12s] job j1: completed`. A batch item's end is `ended`'s. */
  statusChange(name: string, jobId: string, status: string, elapsed: string): string | undefined {
    if (this.perItem && isTerminal(status)) return undefined;
    return `[${elapsed}] ${this.subject(name, jobId)}: ${status}`;
  }

  /**
   * A run's end: a batch says each item's (`[  12s] hero: completed, 2 files.`,
   * `[  12s] hero: failed (the GPU melted).`); a single run says its job completed
   * (a failure is the step's error, said once).
   */
  ended(run: RunEnd, made: string, elapsed: string): string | undefined {
    const { name, outcome, errorMessage: why } = run;
    if (this.perItem) {
      const detail = outcome === 'completed' ? `, ${made}` : why ? ` (${why})` : '';
      return `[${elapsed}] ${name}: ${outcome}${detail}.`;
    }
    return outcome === 'completed' ? `Job ${run.jobId} completed: ${made}.` : undefined;
  }

  /** `wait: false`: how to follow the jobs left running. */
  followLater(hint: string): string {
    return this.perItem ? 'The job ids are in the job-ids output; follow each with job-id.' : hint;
  }

  /** `Jobs a, b` or `Job a`; `they` or `it`. */
  static jobs(ids: string[]): { subject: string; pronoun: string } {
    return ids.length === 1
      ? { subject: `Job ${ids[0]}`, pronoun: 'it' }
      : { subject: `Jobs ${ids.join(', ')}`, pronoun: 'they' };
  }

  /** `3 jobs … were cancelled so they stop`, `1 job … was cancelled so it stops`. */
  static cancelledJobs(count: number, waited: string): string {
    const one = count === 1;
    return `${plural(count, 'job')} did not finish within ${waited} and ${one ? 'was' : 'were'} cancelled so ${one ? 'it stops' : 'they stop'} spending credits.`;
  }
}
