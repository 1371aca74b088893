import { Output, type OutputName } from '../config/names.js';
import { stepOutputs, type StepView } from './step-outputs.js';

/** Writes one step output; the publisher calls it only when a value changes. */
export type OutputWriter = (name: OutputName, value: string) => void;

/**
 * A step of at most this many runs has all its outputs published at each
 * moment (`job-id` the moment the job is accepted); a larger batch publishes
 * `EARLY_OUTPUTS` at its 1st, 2nd, 4th, 8th, … moment, and everything at the end.
 */
const SMALL_STEP_RUNS = 16;
/** What a large batch publishes before it ends: what money needs known early. The rest is published at the end. */
const EARLY_OUTPUTS: ReadonlySet<OutputName> = new Set([Output.JobIds, Output.CreditsCharged]);

/**
 * Publishes the outputs derived from the record (`stepOutputs`) at named
 * moments: a job accepted or ended, a delivery failed, the step failed or
 * ended. GITHUB_OUTPUT only grows (a later value of an output is a new line),
 * so a large batch publishes its job ids ever further apart (each publish
 * doubles the moments since the first) and everything when the step ends:
 * what is written stays within about three times the final outputs, and the
 * CPU linear in the batch, whatever its size or wall time. Only
 * changed values are written. What an output had to leave out is said once,
 * as it stands when the step (or a phase of it) ends.
 */
export class OutputPublisher {
  private readonly written = new Map<OutputName, string>();
  /** Outputs whose cut was already said in the log, once each. */
  private readonly warnedCuts = new Set<OutputName>();
  private moments = 0;
  private nextMoment = 1;
  /** A moment not published yet: `flush` publishes it. */
  private held = false;
  /** What the last publish had to leave out, said in the log at the end. */
  private cuts = new Map<OutputName, string>();

  constructor(
    private readonly write: OutputWriter,
    private readonly warn: (message: string) => void,
  ) {}

  /** A named moment: published now, or held for a later moment or `flush`. */
  moment(step: StepView): void {
    this.moments += 1;
    if (step.runs.length > SMALL_STEP_RUNS && this.moments < this.nextMoment) {
      this.held = true;
      return;
    }
    this.nextMoment = this.moments * 2;
    this.publish(step, step.runs.length > SMALL_STEP_RUNS ? EARLY_OUTPUTS : undefined);
  }

  /** A change that is not a moment of its own (a job's progress, a file saved): published with the next. */
  changed(): void {
    this.held = true;
  }

  /** Publishes what a moment held back: when the step (or a phase of it) ends. */
  flush(step: StepView): void {
    if (this.held) this.publish(step);
    for (const [name, cut] of this.cuts) this.warnOnce(name, cut);
  }

  /** Publishes now: the step failed, or its manifest was written. */
  final(step: StepView): void {
    this.held = true;
    this.flush(step);
  }

  /** Publishes every output, or those in `only` (then the rest stays held for `flush`). */
  publish(step: StepView, only?: ReadonlySet<OutputName>): void {
    this.held = only !== undefined;
    const { values, cuts } = stepOutputs(step, only);
    if (!only) this.cuts = cuts;
    for (const [name, value] of values) {
      if (this.written.get(name) === value) continue;
      this.written.set(name, value);
      this.write(name, value);
    }
  }

  private warnOnce(name: OutputName, what: string): void {
    if (this.warnedCuts.has(name)) return;
    this.warnedCuts.add(name);
    this.warn(`The ${name} output does not fit in GitHub's 1 MB limit for a job's outputs together: ${what}`);
  }
}
