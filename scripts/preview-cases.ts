/**
 * The steps `npm run preview` renders, recorded as the action records them for
 * the emulator's scenarios: one app run, a batch with a failure and a skip, a
 * text model, a dry run, refused inputs, and 100 runs. The tests render them too.
 */
import { StepRecord, type StepData } from '../src/report/record.js';

const STORAGE = 'https://armox-outputs.s3.us-east-1.amazonaws.com/jobs';
const poster = { kind: 'app' as const, id: '6f1c2a90-poster', name: 'Poster Campaign', title: 'app "Poster Campaign"' };

function uuid(n: number): string {
  const hex = (n * 2654435761).toString(16).padStart(8, '0').slice(-8);
  return `${hex}-4b1e-4c2a-9d3f-${String(n).padStart(12, '0')}`;
}

function record(fill: (step: StepRecord) => void): StepData {
  const step = new StepRecord(0, () => undefined);
  fill(step);
  return step.snapshot();
}

function completedRun(step: StepRecord, name: string, n: number, credits = 200): void {
  const id = uuid(n);
  step.addRun(name).accepted({ id, status: 'pending' }, 0);
  step.runs[step.runs.length - 1]!.finished(
    { id, status: 'completed', credits_charged: credits },
    [{ nodeId: '9', key: 'outputImage', kind: 'image', value: `${STORAGE}/${id}/render.jpeg` }],
    {},
    41_000 + n * 1000,
  );
}

export const singleApp = record((step) => {
  step.targetKnown(poster);
  completedRun(step, '1', 1, 1000);
  const run = step.runs[0]!;
  run.items.push({
    nodeId: '12',
    key: 'caption',
    kind: 'text',
    value: 'A lighthouse at dawn. Docs: https://armox.ai/docs/apps#batches',
  });
  run.fileSaved({ url: run.items[0]!.value, path: 'generated/render.jpeg', bytes: 812_345 });
  step.outcome = 'completed';
  step.finishedAt = 42_000;
});

export const batchWithProblems = record((step) => {
  step.targetKnown(poster);
  step.perItem = true;
  for (const [n, name] of ['hero', 'banner', 'square', 'story'].entries()) completedRun(step, name, n + 1);
  const failed = step.addRun('thumbnail');
  failed.accepted({ id: uuid(9), status: 'pending' }, 0);
  failed.finished(
    {
      id: uuid(9),
      status: 'failed',
      error_message: 'Provider timeout; see https://armox.ai/docs/apps#batches (@support)',
    },
    [],
    {},
    30_000,
  );
  step.addRun('cover').ended('skipped', 'not submitted: max-credits 1000 would be exceeded');
  step.outcome = 'failed';
  step.finishedAt = 61_000;
  step.failed(
    'failed',
    '2 of 6 runs did not complete:\n- thumbnail: failed\n- cover: skipped',
    'Run the failed items again.',
  );
});

const answer = [
  '## Release notes',
  '',
  '**Highlights**',
  '',
  '- Faster renders (see https://armox.ai/docs/apps#batches)',
  '- Thanks @octocat and @acme/design',
  '',
  '```ts',
  'const x = 1;',
  '```',
  '',
  'Invoice: invoice\u202Egnp.exe',
].join('\n');

export const textModel = record((step) => {
  step.targetKnown({ kind: 'model', id: 'openai/gpt-5', name: 'GPT-5', title: 'model GPT-5', modality: 'text' });
  const run = step.addRun('1');
  run.accepted({ id: uuid(20), status: 'pending' }, 0);
  run.finished(
    { id: uuid(20), status: 'completed', credits_charged: 3 },
    [{ nodeId: '', key: 'output', kind: 'text', value: answer }],
    {},
    4_200,
  );
  step.outcome = 'completed';
  step.finishedAt = 4_500;
});

const contract = [
  'Inputs of app Poster Campaign (200 credits per run):',
  'key           label         type',
  '------------  ------------  ------------------------',
  'Prompt        Prompt        text (required)',
  'Aspect Ratio  Aspect Ratio  one of 1:1, 16:9, 9:16',
].join('\n');
const skeleton = 'inputs: |\n  Prompt: ""\n  Aspect Ratio: "1:1"';

export const dryRun = record((step) => {
  step.targetKnown(poster);
  step.addRun('1');
  step.outcome = 'dry-run';
  step.dryRun = {
    requests: [{ name: '1', body: { app_id: poster.id, inputs: { Prompt: 'A lighthouse' } } }],
    contract,
    skeleton,
  };
});

export const invalidInputs = record((step) => {
  step.targetKnown(poster);
  step.dryRun = { requests: [], contract, skeleton };
  step.failed(
    'error',
    [
      'The inputs do not match the contract of app Poster Campaign:',
      '- inputs: unknown key "Aspect". Did you mean "Aspect Ratio"? Valid keys: Prompt, Aspect Ratio.',
      '- inputs: "Prompt" is required.',
      '',
      contract,
    ].join('\n'),
    'Fix the inputs: the block below has every key.',
  );
});

export const hundredRuns = record((step) => {
  step.targetKnown(poster);
  step.perItem = true;
  for (let n = 1; n <= 100; n++) completedRun(step, `shot-${String(n).padStart(3, '0')}`, n, 10);
  step.outcome = 'completed';
  step.finishedAt = 300_000;
});

export const CASES: Record<string, StepData> = {
  'single-app': singleApp,
  'batch-problems': batchWithProblems,
  'text-model': textModel,
  'dry-run': dryRun,
  'invalid-inputs': invalidInputs,
  '100-runs': hundredRuns,
};
