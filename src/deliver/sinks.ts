/**
 * Where a step delivers, in order: the one place a destination is registered.
 * Per-run sinks take each completed run's files; per-step sinks take the step
 * once it is over (the manifest before its checksums, both before the summary
 * that names them).
 */
import { filesSink } from './files-sink.js';
import { releaseSink } from './release-sink.js';
import type { RunSink, StepSink } from './sink.js';
import { checksumsSink, manifestSink } from './manifest-sink.js';
import { summarySink } from './summary-sink.js';
import { commentSink } from './comment-sink.js';

const runSinkList: RunSink[] = [filesSink, releaseSink];
const stepSinkList: StepSink[] = [manifestSink, checksumsSink, summarySink, commentSink];

export function runSinks(): readonly RunSink[] {
  return runSinkList;
}

export function stepSinks(): readonly StepSink[] {
  return stepSinkList;
}

/** Adds a per-run sink after those registered so far; returns what removes it again. */
export function registerRunSink(sink: RunSink): () => void {
  return added(runSinkList, sink);
}

/** Adds a per-step sink after those registered so far; returns what removes it again. */
export function registerStepSink(sink: StepSink): () => void {
  return added(stepSinkList, sink);
}

function added<T>(list: T[], sink: T): () => void {
  list.push(sink);
  return () => {
    const at = list.indexOf(sink);
    if (at >= 0) list.splice(at, 1);
  };
}
