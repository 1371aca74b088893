import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Which files start first. The bundle check rebuilds dist/ (seconds of CPU) and is short: first, so
 * it overlaps the waiting tests. Then the folders by how long their files take: end-to-end files
 * spawn dist/index.js and wait on real timers; unit files take milliseconds and fill the gaps at
 * the end. Within a folder vitest's own order stands (longest first once it has run them, else the
 * largest file first). On a clean checkout (CI) there is no duration cache, and size alone would
 * start a small but slow file last.
 */
const RANKS = [/[\\/]test[\\/]repo[\\/]dist\.test\.ts$/, /[\\/]test[\\/]e2e[\\/]/, /[\\/]test[\\/]core[\\/]/];

function rank(file: TestSpecification): number {
  const index = RANKS.findIndex((pattern) => pattern.test(file.moduleId));
  return index === -1 ? RANKS.length : index;
}

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    // Most test time is spent waiting on loopback servers and real timers, not on the CPU: on a
    // 2-core machine vitest's default (cores − 1 = one worker) runs the files one after another.
    // More workers than cores is what overlaps those waits.
    maxWorkers: 4,
    // The suite is CPU-bound on 2 cores: re-importing src/ and the emulator for each of 66 files
    // cost about 37 of its ~200 CPU seconds. Files still run one at a time in a worker, and no test
    // leaves a global changed (the working directory is put back; module state is a kind registry
    // the fake-kind test unregisters, per-object caches, and registered secrets, which only redact).
    isolate: false,
    // A test's timeout catches a hang, it does not measure speed (that is `npm run bench`). On a
    // shared 2-core machine under load a 3 s end-to-end run can take ten times as long, and
    // vitest's default of 5 s failed tests that were merely waiting for the CPU.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    sequence: { sequencer: SlowFilesFirst },
  },
});
