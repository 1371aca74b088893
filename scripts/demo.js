// @ts-check
/**
 * `npm run demo`: the action end to end on the bundled Armox emulator, an
 * app run then a model run. It starts the emulator on loopback, runs `dist/index.js` exactly
 * as the GitHub runner would (INPUT_* variables, GITHUB_OUTPUT, the job
 * summary file), and prints the step's log, its outputs, the downloaded files
 * and the job summary.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator/armox-emulator.js';
import { runBundledAction } from './action-runner.js';

const bold = (/** @type {string} */ text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const rule = (/** @type {string} */ title) =>
  console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 66 - title.length))}`)}`);

/**
 * Renders workflow commands roughly as the Actions log shows them: groups as
 * headings, warnings and errors labelled, debug lines and masks hidden.
 * @param {string} chunk
 */
function asRunnerShowsIt(chunk) {
  return chunk
    .split(/(?<=\n)/)
    .map((line) => {
      if (/^::(debug|add-mask|endgroup)::/.test(line)) return '';
      return line
        .replace(/^::group::(.*)/, (_, title) => bold(`▸ ${title}`))
        .replace(/^::warning[^:]*::/, 'Warning: ')
        .replace(/^::error[^:]*::/, 'Error: ')
        .replace(/%0A/g, '\n  ');
    })
    .join('');
}

/**
 * Runs one step and prints it the way a user would look at it: the `with:` block,
 * the log, the outputs, the files and the job summary.
 * @param {string} title
 * @param {Record<string, string>} inputs
 */
async function demoStep(title, inputs) {
  rule(`${title}: the workflow step`);
  console.log('- uses: armox/armox-app-action@v1');
  console.log('  with:');
  for (const [name, value] of Object.entries(inputs)) {
    const shown = name === 'api-key' ? '${{ secrets.ARMOX_API_KEY }}' : name === 'api-url' ? '(the emulator)' : value;
    console.log(`    ${name}: ${shown.includes('\n') ? `|\n      ${shown.split('\n').join('\n      ')}` : shown}`);
  }

  rule(`${title}: step log (node dist/index.js, as the runner starts it)`);
  const run = await runBundledAction({ inputs, onStdout: (chunk) => process.stdout.write(asRunnerShowsIt(chunk)) });

  rule(`${title}: step outputs (exit code ${run.code})`);
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name.padEnd(16)} ${value.length > 160 ? `${value.slice(0, 157)}...` : value}`);
  }

  const downloadDir = path.join(run.workspace, 'generated');
  rule(`${title}: files in ${downloadDir}`);
  try {
    for (const name of readdirSync(downloadDir)) {
      console.log(`${name.padEnd(24)} ${statSync(path.join(downloadDir, name)).size} bytes`);
    }
  } catch {
    console.log('(none)');
  }

  rule(`${title}: job summary ($GITHUB_STEP_SUMMARY, markdown)`);
  console.log(run.summary.trim());
  return run.code ?? 1;
}

const emulator = await startEmulator({ job: { pendingPolls: 1, processingPolls: 2, outcome: 'completed' } });
try {
  const connection = { 'api-key': emulator.apiKey, 'api-url': emulator.apiUrl, 'poll-interval': '1s' };
  const appCode = await demoStep('An app run', {
    ...connection,
    'app-name': 'Poster Campaign',
    inputs: ['Prompt: A lighthouse at dawn, risograph poster', 'Style: warm, grainy'].join('\n'),
    'download-dir': 'generated',
  });
  const modelCode = await demoStep('A model run', {
    ...connection,
    model: 'google/nano-banana',
    inputs: ['prompt: A lighthouse at dawn, risograph poster', 'Aspect Ratio: "16:9"'].join('\n'),
    'download-dir': 'generated',
  });

  rule('What the emulator saw');
  for (const request of emulator.requests)
    console.log(`${request.origin.padEnd(8)} ${request.method.padEnd(5)} ${request.path}`);
  process.exitCode = appCode || modelCode;
} finally {
  await emulator.close();
}
