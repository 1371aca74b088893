import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArmoxClient } from '../../src/armox/client.js';
import { ApiError } from '../../src/core/errors.js';
import { ModelTarget } from '../../src/kinds/model-target.js';
import { Deadline } from '../../src/core/timing.js';
import { startFileServer, type FileServer } from '../helpers/file-server.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { NANO_BANANA } from '../helpers/model-fixtures.js';

// A plain loopback server with canned answers: the emulator's models come on another branch.
let server: FileServer;
let client: ArmoxClient;

beforeEach(async () => {
  server = await startFileServer();
  client = new ArmoxClient({
    apiUrl: server.url,
    apiKey: 'sk_live_test',
    log: new MemoryLogger(),
    retryBaseMs: 1,
    retryMaxMs: 5,
  });
});

afterEach(() => server.close());

const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });

const MODELS = { object: 'list', data: [NANO_BANANA] };

describe('models through the client', () => {
  it('lists models and runs one whose answer completes inline', async () => {
    server.route('/models', json(MODELS));
    server.route(
      '/models/run',
      json({
        id: 'job_1',
        object: 'job',
        status: 'completed',
        model: 'google/nano-banana',
        output: { outputImage: 'https://s.example/1.png' },
      }),
    );
    const [model] = await client.listModels(Deadline.after(5_000));
    const target = new ModelTarget(model!);
    const { request, problems } = target.prepare([{ name: 'inputs', entries: [['prompt', 'a cat']] }]);
    expect(problems).toEqual([]);
    const job = await target.submit(client, request!, Deadline.after(5_000));
    expect(job).toMatchObject({ status: 'completed', run_type: 'model', model_id: 'google/nano-banana' });
    expect(job.output_data).toEqual({ outputImage: 'https://s.example/1.png' });
    expect(target.ownsJob(job)).toBe(true);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /models', 'POST /models/run']);
  });

  it('retries the model list but never the run submission', async () => {
    server.route('/models', { ...json(MODELS), fail: { status: 503, times: 1 } });
    server.route('/models/run', { ...json({ id: 'job_1', status: 'processing' }), fail: { status: 502, times: 1 } });
    expect(await client.listModels(Deadline.after(5_000))).toHaveLength(1);
    expect(server.count('/models')).toBe(2);
    const error = await client
      .runModel({ model: 'google/nano-banana', input: {} }, Deadline.after(5_000))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).transient).toBe(true);
    expect((error as ApiError).message).toMatch(/^POST \/models\/run failed: 502/);
    expect(server.count('/models/run')).toBe(1);
  });
});
