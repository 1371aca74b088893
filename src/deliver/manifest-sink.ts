import { ActionError, errorMessage } from '../core/errors.js';
import { redactDeep } from '../core/log.js';
import { checksumsPathFor, writeChecksums } from '../report/checksums.js';
import { defaultManifestPath, manifestOf, writeManifest } from '../report/manifest.js';
import type { StepSink } from './sink.js';

/**
 * The manifest (`manifest`, or a file in RUNNER_TEMP): what was run and paid
 * for, written also when the step failed after paying. Nothing is written
 * before the target is known.
 */
export const manifestSink: StepSink = {
  name: 'the manifest',
  async deliver(step, { config, secrets }) {
    if (!config || !step.record.target) return;
    const file = config.manifest ?? defaultManifestPath(config.github.runnerTemp, config.github.action);
    // Redacted once made: the files are described from their paths as saved.
    const content = redactDeep(await manifestOf(step.record.snapshot(), config.workspace), secrets);
    try {
      await writeManifest(file, content);
    } catch (error) {
      throw new ActionError(`${file}: ${errorMessage(error)}`);
    }
    step.record.written('manifest', file);
    step.manifest = { file, content };
  },
};

/** The files' sha256 beside the manifest (`sha256sum` format), when there are files. */
export const checksumsSink: StepSink = {
  name: 'the checksums',
  async deliver(step) {
    if (!step.manifest) return;
    const file = checksumsPathFor(step.manifest.file);
    if (await writeChecksums(file, step.manifest.content)) step.record.written('checksums', file);
  },
};
