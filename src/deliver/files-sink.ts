import * as path from 'node:path';
import type { RunSink } from './sink.js';

/**
 * `download-dir`: the run's files are saved there (a batch item in its own
 * folder), each recorded as soon as it is saved.
 */
export const filesSink: RunSink = {
  name: 'download-dir',
  wanted: ({ config }) => Boolean(config.downloadDir),
  folder(run, { config }) {
    if (!config.downloadDir) return undefined;
    run.record.expectFiles();
    return run.item === undefined ? config.downloadDir : path.join(config.downloadDir, run.item);
  },
  fileSaved: (run, file) => run.record.fileSaved(file),
  // Saving the files was the delivery.
  deliver: async () => undefined,
  again(run, { config }) {
    const dir = run.item === undefined ? config.downloadDir! : path.join(config.downloadDir!, run.item);
    return { input: `download-dir: ${path.relative(config.workspace, dir).split(path.sep).join('/') || '.'}` };
  },
};
