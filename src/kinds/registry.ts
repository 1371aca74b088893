import type { Job } from '../armox/types.js';
import { appKind } from './app-kind.js';
import type { KindInputs, RunKind } from './kind.js';
import { modelKind } from './model-kind.js';

/**
 * The kinds of run, one line each. Asked in order, so the app, which any
 * inputs without `model` choose, and which owns any job no other kind claims, comes last.
 */
const KINDS: RunKind[] = [modelKind, appKind];

/** Adds a kind ahead of the others (tests register a third one); returns its removal. */
export function registerKind(kind: RunKind): () => void {
  KINDS.unshift(kind);
  return () => {
    const index = KINDS.indexOf(kind);
    if (index >= 0) KINDS.splice(index, 1);
  };
}

/** The kind the inputs ask for. */
export function kindChosenBy(config: KindInputs): RunKind {
  return KINDS.find((kind) => kind.chosenBy(config)) ?? appKind;
}

/** The kind a job is a run of. */
export function kindOfJob(job: Job): RunKind {
  return KINDS.find((kind) => kind.isKindOf(job)) ?? appKind;
}

/** The kind of this name (from TargetInfo or the step state); undefined when none is. */
export function kindNamed(name: string): RunKind | undefined {
  return KINDS.find((kind) => kind.name === name);
}
