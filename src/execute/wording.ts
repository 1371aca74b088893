import { plural } from '../core/format.js';

/**
 * Where a single run and a batch read differently, in one place: a batch
 * names each item (`item "hero"`), a single run is `the run` and speaks of its
 * job. Built from the record's `perItem`; code elsewhere asks it rather than
 * branching on `perItem`.
 */
export class Naming {
  constructor(
    /** Several runs: log lines name the item, and one run's failure does not end the others. */
    readonly perItem: boolean,
  ) {}

  /** How messages name a run: `item "2"`, or `the run`. */
  readonly what = (run: { name: string }): string => (this.perItem ? `item "${run.name}"` : 'the run');

  /** The subject of a status line: the item's name, or `job <id>`. */
  subject(name: string, jobId: string): string {
    return this.perItem ? name : `job ${jobId}`;
  }

  /** `[  12s] hero: job j1 accepted (3 credits).`, or `Job j1 accepted (3 credits).` */
  accepted(name: string, jobId: string, charge: string, elapsed: string): string {
    return this.perItem ? `[${elapsed}] ${name}: job ${jobId} accepted${charge}.` : `Job ${jobId} accepted${charge}.`;
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
