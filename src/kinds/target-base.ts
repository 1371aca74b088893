import type { ArmoxClient } from '../armox/client.js';
import type { Job } from '../armox/types.js';
import type { Deadline } from '../core/timing.js';
import type { InputsSource, JobMatcher, Preparation, PreparedRequest, RunTarget, TargetInfo } from './target.js';

/** The inputs contract of one app or model: what a run of it may send. */
export interface Contract {
  prepare(sources: InputsSource[], webhookUrl?: string): Preparation;
  isImageInput(key: string): boolean;
  table(): string;
  skeleton(): string;
}

/** What names a target and sends its runs. */
export interface TargetFacts {
  kind: string;
  id: string;
  name: string;
  title: string;
  price?: number;
  submitCall: string;
  /** Added to info(): a model's modality. */
  extra?: Partial<TargetInfo>;
}

/**
 * What every kind's target shares: its names, and its contract and job
 * matching, which each kind supplies. A kind adds describe() and submit().
 */
export abstract class BaseTarget implements RunTarget {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly price?: number;
  readonly submitCall: string;

  protected constructor(
    private readonly facts: TargetFacts,
    private readonly contract: Contract,
    private readonly matcher: JobMatcher,
  ) {
    ({ kind: this.kind, id: this.id, name: this.name, title: this.title, submitCall: this.submitCall } = facts);
    this.price = facts.price;
  }

  info(): TargetInfo {
    return { kind: this.kind, id: this.id, name: this.name, title: this.title, ...this.facts.extra };
  }

  abstract describe(): string;
  abstract submit(client: ArmoxClient, request: PreparedRequest, deadline: Deadline): Promise<Job>;

  prepare(sources: InputsSource[], webhookUrl?: string): Preparation {
    return this.contract.prepare(sources, webhookUrl);
  }

  isImageInput(key: string): boolean {
    return this.contract.isImageInput(key);
  }

  contractTable(): string {
    return this.contract.table();
  }

  inputsSkeleton(): string {
    return this.contract.skeleton();
  }

  ownsJob(job: Job): boolean {
    return this.matcher.ownsJob(job);
  }

  jobInputs(job: Job): unknown {
    return this.matcher.jobInputs(job);
  }
}
