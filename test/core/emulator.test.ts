import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AppDefinition,
  DEFAULT_FAILURE_MESSAGE,
  type ArmoxEmulator,
  type EmulatorOptions,
  expectedFileBytes,
  expectedFileSha256,
  IDS,
  MODEL_IDS,
  POSTER_CAMPAIGN,
  SEEDED_APPS,
  SEEDED_MODELS,
  startEmulator,
} from '../../emulator/armox-emulator.js';

// ---------------------------------------------------------------- shapes

interface ErrorBody {
  error: string;
}
interface RunBody {
  id: string;
  object: string;
  status: string;
  run_type: string;
  app_id: string;
  app_name: string;
  credits_charged: number;
  created_at: string;
}
interface JobBody {
  object: string;
  id: string;
  run_type: string;
  model_id: string | null;
  app_id: string | null;
  status: string;
  input_data: { app_id: string; inputs: Record<string, unknown> };
  output_data: null | { app_id: string; app_name: string; node_outputs: Record<string, Record<string, unknown>> };
  error_message: string | null;
  credits_charged: number;
  created_at: string;
  completed_at: string | null;
  webhook_delivered: boolean;
}
interface ModelJobBody extends Omit<JobBody, 'input_data' | 'output_data'> {
  input_data: { input: Record<string, unknown> };
  output_data: Record<string, unknown> | null;
}
interface ModelRunBody {
  id: string;
  object: string;
  status: string;
  model: string;
  output: Record<string, unknown> | null;
  error_message: string | null;
  credits_charged: number;
  created_at: string;
  completed_at: string | null;
}
interface ListBody<T> {
  object: string;
  data: T[];
}

// --------------------------------------------------------------- helpers

let emu: ArmoxEmulator;

/** A clock the test moves by hand, for the emulator's time-based plans and rate window. */
/** Resolves once `done` holds (looked at every few milliseconds). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
}

function handClock(): { now: () => number; advance: (ms: number) => void } {
  let time = Date.now();
  return { now: () => time, advance: (ms) => (time += ms) };
}

async function restart(options: EmulatorOptions): Promise<void> {
  await emu.close();
  emu = await startEmulator(options);
}

beforeEach(async () => {
  emu = await startEmulator();
});

afterEach(async () => {
  await emu.close();
  // Any exception inside the emulator is a bug in it.
  expect(emu.errors).toEqual([]);
});

const sketchInputs = {
  [IDS.sketchToRender.inputImages]: ['https://example.com/sketch.jpg'],
  [IDS.sketchToRender.aspectRatio]: 'auto',
};

function api(path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
  const { key = emu.apiKey, headers, ...rest } = init;
  return fetch(`${emu.apiUrl}${path}`, {
    ...rest,
    headers: { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...(headers as Record<string, string>) },
  });
}

function post(path: string, payload: unknown): Promise<Response> {
  return api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function expectError(response: Response | Promise<Response>, status: number, message: string): Promise<void> {
  const res = await response;
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await json<ErrorBody>(res)).toEqual({ error: message });
}

async function runApp(appId: string = IDS.sketchToRender.app, inputs: object = sketchInputs): Promise<RunBody> {
  const res = await post('/apps/run', { app_id: appId, inputs });
  expect(res.status).toBe(202);
  return json<RunBody>(res);
}

async function poll(id: string): Promise<JobBody> {
  const res = await api(`/jobs/${id}`);
  expect(res.status).toBe(200);
  return json<JobBody>(res);
}

async function pollUntilTerminal(id: string): Promise<JobBody> {
  for (let i = 0; i < 20; i++) {
    const job = await poll(id);
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
  }
  throw new Error('job did not finish');
}

/** The URL a completed job reports for one node/key. */
function outputUrl(job: JobBody, nodeId: string, key = 'outputImage'): string {
  const value = job.output_data?.node_outputs[nodeId]?.[key];
  if (typeof value !== 'string') throw new Error(`no ${key} for ${nodeId}`);
  return value;
}

/** Raw GET with node:http, counting body bytes until the socket ends or errors. */
function rawGet(
  url: string,
): Promise<{ status: number; headers: Record<string, unknown>; received: number; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, (res) => {
      let received = 0;
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      const done = (complete: boolean) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, received, complete });
      res.on('end', () => done(true));
      res.on('aborted', () => done(false));
      res.on('error', () => done(false));
    });
    req.on('error', reject);
    req.end();
  });
}

const appWithOutputs = (overrides: Partial<AppDefinition>): AppDefinition => ({
  id: '0d7c7f6e-1111-4222-8333-444455556666',
  name: 'Test App',
  inputs: [{ id: 'in-1', type: 'text', label: 'Prompt', required: true, targetHandle: 'prompt' }],
  cost: 10,
  outputs: [],
  ...overrides,
});

// ------------------------------------------------------------------ auth

describe('auth', () => {
  it('rejects a missing or non-Bearer Authorization header', async () => {
    await expectError(api('/apps', { key: null }), 401, 'Missing Authorization Bearer token');
    await expectError(
      api('/apps', { key: null, headers: { authorization: `Basic ${emu.apiKey}` } }),
      401,
      'Missing Authorization Bearer token',
    );
    await expectError(
      api('/jobs/x', { key: null, headers: { authorization: 'Bearer' } }),
      401,
      'Missing Authorization Bearer token',
    );
  });

  it('rejects a wrong key on every endpoint', async () => {
    for (const path of ['/apps', '/jobs', '/jobs/abc', '/account']) {
      await expectError(api(path, { key: 'sk_live_wrong' }), 401, 'Invalid API key');
    }
    await expectError(api('/apps/run', { key: 'sk_live_wrong', method: 'POST', body: '{}' }), 401, 'Invalid API key');
    expect(emu.jobs.size).toBe(0);
  });

  it('answers 404 Not found for unknown routes (after auth)', async () => {
    await expectError(api('/nope', { key: null }), 401, 'Missing Authorization Bearer token');
    await expectError(api('/nope'), 404, 'Not found');
    await expectError(api('/apps', { method: 'DELETE' }), 404, 'Not found');
    await expectError(fetch(emu.apiUrl.replace('/api/v1', '/other')), 404, 'Not found');
  });
});

// ------------------------------------------------------------------ apps

describe('GET /apps', () => {
  it('lists the seeded apps with the documented shape and no internal fields', async () => {
    const res = await api('/apps');
    expect(res.status).toBe(200);
    const list = await json<ListBody<Record<string, unknown>>>(res);
    expect(list.object).toBe('list');
    expect(list.data.map((app) => app.name)).toEqual(SEEDED_APPS.map((app) => app.name));
    expect(list.data[0]).toEqual({
      id: 'cb2bbd2d-b538-4d34-a54e-a9158c2e0dbb',
      name: 'Sketch to Render',
      description: 'Convert sketches into photorealistic renders',
      icon: null,
      thumbnail_url: expect.any(String),
      is_template: true,
      brain_id: 'f53d5c9f-b91d-469c-9390-dd1552878255',
      tags: ['Photorealistic Render'],
      inputs: [
        {
          id: '93197f6b-0180-4da1-ad4a-87890d2c7d4a',
          type: 'image',
          label: 'Input Images',
          required: true,
          targetHandle: 'image_input',
          allowMultiple: true,
        },
        {
          id: 'ced4aa7b-a2a8-4b53-b9ea-1b3e7d9194b5',
          type: 'text',
          label: 'Aspect Ratio',
          required: true,
          targetHandle: 'aspect_ratio',
        },
      ],
    });
    for (const app of list.data) {
      for (const key of ['cost', 'outputs', 'plan', 'active']) expect(app).not.toHaveProperty(key);
    }
  });

  it('reflects apps pushed by a test and hides inactive ones', async () => {
    emu.apps.push(appWithOutputs({}));
    emu.apps.push(appWithOutputs({ id: 'hidden', name: 'Hidden', active: false }));
    const list = await json<ListBody<{ name: string; description: string }>>(await api('/apps'));
    expect(list.data.map((app) => app.name)).toContain('Test App');
    expect(list.data.map((app) => app.name)).not.toContain('Hidden');
    expect(list.data.find((app) => app.name === 'Test App')?.description).toBe('');
    await expectError(post('/apps/run', { app_id: 'hidden', inputs: {} }), 404, 'App not found');
  });
});

// ------------------------------------------------------------ validation

describe('POST /apps/run validation', () => {
  it('rejects bad bodies', async () => {
    await expectError(post('/apps/run', '{"app_id": '), 400, 'Invalid JSON body');
    await expectError(post('/apps/run', ''), 400, 'Invalid JSON body');
    await expectError(post('/apps/run', '[1]'), 400, 'Request body must be a JSON object');
    await expectError(post('/apps/run', { inputs: {} }), 400, 'app_id is required');
    await expectError(post('/apps/run', { app_id: 42, inputs: {} }), 400, 'app_id must be a string');
    await expectError(post('/apps/run', { app_id: 'no-such-app', inputs: {} }), 404, 'App not found');
    await expectError(
      post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: ['x'] }),
      400,
      'inputs must be an object',
    );
  });

  it('rejects unknown inputs (keys must be input ids, not labels)', async () => {
    await expectError(
      post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: { ...sketchInputs, 'Aspect Ratio': 'auto' } }),
      400,
      'Unknown input: Aspect Ratio',
    );
  });

  it('lists every missing required input by label; empty string and empty array count as missing', async () => {
    await expectError(
      post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: {} }),
      400,
      'Missing required inputs: Input Images, Aspect Ratio',
    );
    await expectError(
      post('/apps/run', {
        app_id: IDS.sketchToRender.app,
        inputs: { [IDS.sketchToRender.inputImages]: [], [IDS.sketchToRender.aspectRatio]: '' },
      }),
      400,
      'Missing required inputs: Input Images, Aspect Ratio',
    );
    await expectError(post('/apps/run', { app_id: IDS.posterCampaign.app }), 400, 'Missing required inputs: Prompt');
  });

  it('checks value types against allowMultiple', async () => {
    await expectError(
      post('/apps/run', {
        app_id: IDS.sketchToRender.app,
        inputs: { ...sketchInputs, [IDS.sketchToRender.inputImages]: 'https://example.com/a.jpg' },
      }),
      400,
      'Input "Input Images" must be an array of strings',
    );
    await expectError(
      post('/apps/run', {
        app_id: IDS.sketchToRender.app,
        inputs: { ...sketchInputs, [IDS.sketchToRender.inputImages]: ['ok', 3] },
      }),
      400,
      'Input "Input Images" must be an array of strings',
    );
    await expectError(
      post('/apps/run', {
        app_id: IDS.sketchToRender.app,
        inputs: { ...sketchInputs, [IDS.sketchToRender.aspectRatio]: ['16:9'] },
      }),
      400,
      'Input "Aspect Ratio" must be a string',
    );
    await expectError(
      post('/apps/run', { app_id: IDS.upscaleImage.app, inputs: { [IDS.upscaleImage.image]: 5 } }),
      400,
      'Input "Image" must be a string',
    );
    expect(emu.jobs.size).toBe(0);
    expect(emu.credits).toBe(100_000);
  });

  it('answers 402 with the documented message when credits are short, without charging', async () => {
    emu.credits = 200;
    await expectError(
      post('/apps/run', { app_id: IDS.posterCampaign.app, inputs: { [IDS.posterCampaign.prompt]: 'hi' } }),
      402,
      'Insufficient credits. Required 1000, available 200',
    );
    expect(emu.credits).toBe(200);
    expect(emu.jobs.size).toBe(0);
  });
});

// -------------------------------------------------------------- lifecycle

describe('job lifecycle', () => {
  it('accepts a run with 202, charges credits and completes on the second poll', async () => {
    const run = await runApp();
    expect(run).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      object: 'job',
      status: 'processing',
      run_type: 'app',
      app_id: IDS.sketchToRender.app,
      app_name: 'Sketch to Render',
      credits_charged: 200,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/),
    });
    expect(emu.credits).toBe(100_000 - 200);

    const first = await poll(run.id);
    expect(first).toMatchObject({
      object: 'job',
      id: run.id,
      run_type: 'app',
      model_id: null,
      status: 'processing',
      input_data: { app_id: IDS.sketchToRender.app, inputs: sketchInputs },
      output_data: null,
      error_message: null,
      credits_charged: 200,
      created_at: run.created_at,
      completed_at: null,
      webhook_delivered: false,
    });

    const done = await poll(run.id);
    expect(done.status).toBe('completed');
    expect(done.completed_at).toMatch(/\+00:00$/);
    expect(done.output_data).toEqual({
      app_id: IDS.sketchToRender.app,
      app_name: 'Sketch to Render',
      node_outputs: {
        [IDS.sketchToRender.renderNode]: {
          outputImage: `${emu.storageUrl}/public/${run.id.slice(0, 8)}/render.jpeg`,
        },
      },
    });
    expect((await poll(run.id)).status).toBe('completed'); // stays terminal
    expect(emu.credits).toBe(100_000 - 200);
  });

  it('reports pending first when the plan says so', async () => {
    emu.setJobPlan({ pendingPolls: 2, processingPolls: 1 });
    const run = await runApp();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await poll(run.id)).status);
    expect(statuses).toEqual(['pending', 'pending', 'processing', 'completed']);
  });

  it('fails a job with an error message and refunds it', async () => {
    emu.setJobPlan({ outcome: 'failed', processingPolls: 0 });
    const run = await runApp();
    expect(emu.credits).toBe(99_800);
    const job = await poll(run.id);
    expect(job).toMatchObject({
      status: 'failed',
      error_message: 'Model provider error: generation failed',
      output_data: null,
    });
    expect(job.completed_at).not.toBeNull();
    expect(emu.credits).toBe(100_000);

    emu.setJobPlan({ outcome: 'failed', errorMessage: 'NSFW content detected' });
    const other = await runApp();
    expect((await pollUntilTerminal(other.id)).error_message).toBe('NSFW content detected');
  });

  it('can end cancelled by someone else, or never end', async () => {
    emu.setJobPlan({ outcome: 'cancelled' });
    const cancelled = await pollUntilTerminal((await runApp()).id);
    expect(cancelled).toMatchObject({ status: 'cancelled', error_message: 'Job was cancelled' });
    expect(emu.credits).toBe(100_000);

    emu.setJobPlan({ outcome: 'never' });
    const run = await runApp();
    for (let i = 0; i < 10; i++) expect((await poll(run.id)).status).toBe('processing');
  });

  it('captures the plan per job, and an app plan overrides the default', async () => {
    const early = await runApp();
    emu.setJobPlan({ outcome: 'failed' });
    expect((await pollUntilTerminal(early.id)).status).toBe('completed');
    emu.apps.push(appWithOutputs({ plan: { outcome: 'completed', processingPolls: 0 } }));
    const overridden = await runApp(appWithOutputs({}).id, { 'in-1': 'x' });
    expect((await poll(overridden.id)).status).toBe('completed');
  });

  it('progresses by time with completeAfterMs', async () => {
    const clock = handClock();
    await restart({ job: { completeAfterMs: 600 }, now: clock.now }); // pending for the first 60 ms
    const run = await runApp();
    expect((await poll(run.id)).status).toBe('pending');
    clock.advance(80);
    expect((await poll(run.id)).status).toBe('processing');
    clock.advance(600);
    expect((await poll(run.id)).status).toBe('completed');
  });

  it('builds node_outputs in definition order with file URLs and text values', async () => {
    const run = await runApp(IDS.posterCampaign.app, { [IDS.posterCampaign.prompt]: 'summer sale' });
    const job = await pollUntilTerminal(run.id);
    const nodes = job.output_data?.node_outputs ?? {};
    expect(Object.keys(nodes)).toEqual(POSTER_CAMPAIGN.outputs?.map((output) => output.nodeId));
    expect(nodes[IDS.posterCampaign.teaserNode]).toEqual({
      outputVideo: `${emu.storageUrl}/public/${run.id.slice(0, 8)}/teaser.mp4`,
    });
    expect(nodes[IDS.posterCampaign.voiceoverNode]?.outputAudio).toMatch(/\/voiceover\.mp3$/);
    expect(nodes[IDS.posterCampaign.captionNode]).toEqual({ outputText: 'a caption string' });
  });

  it('settleJob ends a job from the test side', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const run = await runApp();
    emu.settleJob(run.id, 'failed', 'boom');
    expect(await poll(run.id)).toMatchObject({ status: 'failed', error_message: 'boom' });
    expect(() => emu.settleJob(run.id)).toThrow(/already failed/);
  });
});

// ----------------------------------------------------------------- cancel

describe('cancel', () => {
  it('cancels a processing job, refunds it, and answers 409 afterwards', async () => {
    const run = await runApp();
    await poll(run.id);
    const res = await api(`/jobs/${run.id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      id: run.id,
      object: 'job',
      status: 'cancelled',
      cancelled_at: expect.stringMatching(/\+00:00$/),
    });
    expect(emu.credits).toBe(100_000);
    expect((await poll(run.id)).status).toBe('cancelled');
    await expectError(
      api(`/jobs/${run.id}/cancel`, { method: 'POST' }),
      409,
      'Job cannot be cancelled: it is cancelled',
    );
  });

  it('answers 409 for a completed job and 404 for unknown ids', async () => {
    const run = await runApp();
    await pollUntilTerminal(run.id);
    await expectError(
      api(`/jobs/${run.id}/cancel`, { method: 'POST' }),
      409,
      'Job cannot be cancelled: it is completed',
    );
    expect(emu.credits).toBe(99_800);
    await expectError(
      api('/jobs/00000000-0000-4000-8000-000000000000/cancel', { method: 'POST' }),
      404,
      'Job not found',
    );
    await expectError(api(`/jobs/${run.id}/cancel`), 404, 'Not found'); // GET on cancel
  });
});

// ------------------------------------------------------------ jobs, account

describe('GET /jobs/:id, GET /jobs, GET /account', () => {
  it('matches the job id as exactly one path segment', async () => {
    await runApp();
    await expectError(api('/jobs/..%2Fapps'), 404, 'Job not found');
    await expectError(api('/jobs/%E0%A4%A'), 404, 'Job not found');
    await expectError(api('/jobs/a/b'), 404, 'Not found');
  });

  it('lists jobs newest first with a validated limit', async () => {
    const ids = [];
    for (let i = 0; i < 22; i++)
      ids.push((await runApp(IDS.upscaleImage.app, { [IDS.upscaleImage.image]: `u${i}` })).id);
    const all = await json<ListBody<JobBody>>(await api('/jobs'));
    expect(all.object).toBe('list');
    expect(all.data.map((job) => job.id)).toEqual(ids.reverse().slice(0, 20));
    const one = await json<ListBody<JobBody>>(await api('/jobs?limit=1'));
    expect(one.data.map((job) => job.id)).toEqual([ids[0]]);
    expect((await json<ListBody<JobBody>>(await api('/jobs?limit=100'))).data).toHaveLength(22);
    for (const bad of ['0', '101', 'abc', '1.5', '-1', '']) {
      await expectError(api(`/jobs?limit=${bad}`), 400, 'limit must be an integer between 1 and 100');
    }
  });

  it('reports the account', async () => {
    const run = await runApp();
    await runApp(IDS.upscaleImage.app, { [IDS.upscaleImage.image]: 'x' });
    await api(`/jobs/${run.id}/cancel`, { method: 'POST' });
    const res = await api('/account');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      object: 'account',
      credits: 100_000 - 50,
      subscription: { plan: 'pro', status: 'active' },
      usage: { credits_used_30d: 50, jobs_30d: 2 },
      api_keys: [{ name: expect.any(String), prefix: emu.apiKey.slice(0, 12) }],
    });
  });

  it('survives malformed requests', async () => {
    await expectError(post('/apps/run', 'x'.repeat(1024 * 1024 + 10)), 413, 'Request body too large');
    await expectError(post('/apps/run', 'null'), 400, 'Request body must be a JSON object');
    const raw = await rawGet(`${emu.apiUrl}/jobs/%%%`);
    expect(raw.status).toBe(401);
    expect((await api('/apps')).status).toBe(200);
  });
});

// ------------------------------------------------------------- rate limit

describe('rate limit', () => {
  it('puts X-RateLimit headers on successful answers only', async () => {
    const ok = await api('/apps');
    expect(ok.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('999');
    expect(Number(ok.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 59);
    const run = await post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: sketchInputs });
    expect(run.headers.get('x-ratelimit-remaining')).toBe('998');
    const notFound = await api('/jobs/nope');
    expect(notFound.headers.get('x-ratelimit-remaining')).toBeNull();
  });

  it('answers 429 with Retry-After: 60 over the limit', async () => {
    await restart({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await api('/apps')).headers.get('x-ratelimit-remaining'));
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await api('/apps');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
    await expectError(limited, 429, 'Rate limit exceeded');
  });

  it('rolls the window', async () => {
    const clock = handClock();
    await restart({ rateLimit: { limit: 1, windowMs: 100 }, now: clock.now });
    expect((await api('/apps')).status).toBe(200);
    expect((await api('/apps')).status).toBe(429);
    clock.advance(120);
    expect((await api('/apps')).status).toBe(200);
  });

  it('setRateLimitRemaining shapes the next successful answer only', async () => {
    emu.setRateLimitRemaining(0, 2);
    await api('/jobs/nope'); // 404: does not consume the override
    const res = await api('/apps');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    expect(reset - Date.now() / 1000).toBeGreaterThan(0.5);
    expect(reset - Date.now() / 1000).toBeLessThanOrEqual(3);
    expect((await api('/apps')).headers.get('x-ratelimit-remaining')).not.toBe('0');
  });
});

// ----------------------------------------------------------------- faults

describe('faults', () => {
  it('status: answers the given status, body and headers, once by default', async () => {
    const rule = emu.fault({ kind: 'status', status: 503, path: '/apps', headers: { 'x-test': '1' } });
    const res = await api('/apps');
    expect(res.status).toBe(503);
    expect(res.headers.get('x-test')).toBe('1');
    expect(await json(res)).toEqual({ error: 'Injected failure' });
    expect(rule).toMatchObject({ remaining: 0, hits: 1 });
    expect((await api('/apps')).status).toBe(200);
    emu.fault({ kind: 'status', status: 500, body: '{"error":"Internal"}' });
    await expectError(api('/account'), 500, 'Internal');
  });

  it('matches by origin, method, path prefix or RegExp, in order, with times', async () => {
    emu.fault({ kind: 'status', status: 500, method: 'POST', path: '/api/v1/apps/run' });
    emu.fault({ kind: 'status', status: 502, path: /\/jobs\/[^/]+$/, times: 2 });
    emu.fault({ kind: 'status', status: 418, origin: 'storage', times: Infinity });
    expect((await api('/apps/run')).status).toBe(404); // GET: method does not match
    expect((await post('/apps/run', {})).status).toBe(500);
    expect((await api('/jobs/a')).status).toBe(502);
    expect((await api('/jobs/b')).status).toBe(502);
    expect((await api('/jobs/c')).status).toBe(404);
    for (let i = 0; i < 3; i++) expect((await fetch(`${emu.storageUrl}/public/x`)).status).toBe(418);
    emu.clearFaults();
    expect((await fetch(`${emu.storageUrl}/public/x`)).status).toBe(404);
  });

  it('rate-limit: 429 with Retry-After 1 by default, custom, or none', async () => {
    emu.fault({ kind: 'rate-limit' });
    emu.fault({ kind: 'rate-limit', retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' });
    emu.fault({ kind: 'rate-limit', retryAfter: null });
    const first = await api('/apps');
    expect(first.headers.get('retry-after')).toBe('1');
    await expectError(first, 429, 'Rate limit exceeded');
    expect((await api('/apps')).headers.get('retry-after')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    const third = await api('/apps');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBeNull();
  });

  it('reset: destroys the connection; the request is still recorded and not processed', async () => {
    emu.fault({ kind: 'reset', path: '/apps/run' });
    await expect(post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: sketchInputs })).rejects.toThrow();
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    expect(emu.jobs.size).toBe(0);
    expect(emu.credits).toBe(100_000);
  });

  it('reset afterHandling: the run went through but the client never heard', async () => {
    emu.fault({ kind: 'reset', path: '/apps/run', afterHandling: true });
    await expect(post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: sketchInputs })).rejects.toThrow();
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    expect(emu.jobs.size).toBe(1);
    expect(emu.credits).toBe(99_800);
  });

  it('hang: never answers (with or without handling) until the client gives up', async () => {
    // The client gives up once the emulator has the request (and, after handling, the job): never before it arrived.
    emu.fault({ kind: 'hang', path: '/apps' });
    const listing = new AbortController();
    const listed = api('/apps', { signal: listing.signal });
    await until(() => emu.requestCount('GET', '/apps') === 1);
    listing.abort();
    await expect(listed).rejects.toThrow();
    emu.fault({ kind: 'hang', path: '/apps/run', afterHandling: true });
    const body = JSON.stringify({ app_id: IDS.sketchToRender.app, inputs: sketchInputs });
    const running = new AbortController();
    const ran = api('/apps/run', { method: 'POST', body, signal: running.signal });
    await until(() => emu.jobs.size === 1);
    running.abort();
    await expect(ran).rejects.toThrow();
    expect(emu.jobs.size).toBe(1);
  });

  it('hang-body: sends the headers and half the body, then stalls', async () => {
    emu.fault({ kind: 'hang-body', path: '/account' });
    const controller = new AbortController();
    const res = await api('/account', { signal: controller.signal });
    expect(res.status).toBe(200);
    const full = Number(res.headers.get('content-length'));
    expect(full).toBeGreaterThan(10);
    const reader = res.body!.getReader();
    let received = 0;
    while (received < Math.floor(full / 2)) received += (await reader.read()).value?.length ?? 0;
    expect(received).toBe(Math.floor(full / 2));
    const next = reader.read();
    const timedOut = await Promise.race([next.then(() => false), new Promise((r) => setTimeout(() => r(true), 100))]);
    expect(timedOut).toBe(true);
    controller.abort();
    await next.catch(() => undefined);
  });

  it('truncate: full Content-Length, partial body, then the connection closes (API and storage)', async () => {
    emu.fault({ kind: 'truncate', path: '/apps' });
    const res = await api('/apps');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();

    emu.storageFiles.set('/public/t/file.bin', { size: 100_000, contentType: 'application/octet-stream' });
    emu.fault({ kind: 'truncate', origin: 'storage', fraction: 0.25 });
    const raw = await rawGet(`${emu.storageUrl}/public/t/file.bin`);
    expect(raw).toMatchObject({ status: 200, received: 25_000, complete: false });
    expect(raw.headers['content-length']).toBe('100000');
  });

  it('delay: answers normally after the delay', async () => {
    emu.fault({ kind: 'delay', ms: 150, path: '/apps' });
    const started = Date.now();
    const res = await api('/apps');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('html: a proxy error page', async () => {
    emu.fault({ kind: 'html' });
    emu.fault({ kind: 'html', status: 504, body: '<html>timeout</html>' });
    const res = await api('/apps');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('<h1>502 Bad Gateway</h1>');
    const second = await api('/apps');
    expect([second.status, await second.text()]).toEqual([504, '<html>timeout</html>']);
  });

  it('body: a raw, possibly malformed answer, without processing the request', async () => {
    emu.fault({ kind: 'body', path: '/apps/run', body: '{}' });
    emu.fault({ kind: 'body', path: '/jobs/', body: '{"object":"job","id":"x"' });
    const res = await post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: sketchInputs });
    expect([res.status, await res.text()]).toEqual([200, '{}']);
    expect(emu.jobs.size).toBe(0);
    const job = await api('/jobs/x');
    expect(await job.text()).toBe('{"object":"job","id":"x"');
  });

  it('huge: streams a big JSON-looking body (50 MiB by default)', async () => {
    emu.fault({ kind: 'huge' });
    const res = await api('/apps');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(50 * 1024 * 1024));
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString('utf8', 0, 10)).toBe('{"object":');
    await reader.cancel();

    emu.fault({ kind: 'huge', bytes: 3_000_000, chunked: true });
    const chunked = await api('/apps');
    expect(chunked.headers.get('content-length')).toBeNull();
    const text = await chunked.text();
    expect(text).toHaveLength(3_000_000);
    expect((JSON.parse(text) as { padding: string }).padding).toMatch(/^x+$/);
  });

  it('rejects unknown fault kinds', () => {
    expect(() => emu.fault({ kind: 'explode' as 'status' })).toThrow(/Unknown fault kind/);
  });
});

// ---------------------------------------------------------------- storage

describe('storage origin', () => {
  it('serves job output files with exact size, bytes and Content-Type, on another origin', async () => {
    const run = await runApp();
    const url = outputUrl(await pollUntilTerminal(run.id), IDS.sketchToRender.renderNode);
    expect(new URL(url).origin).toBe(emu.storageUrl);
    expect(new URL(url).origin).not.toBe(new URL(emu.apiUrl).origin);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe('200000');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(expectedFileBytes('render.jpeg', 200_000))).toBe(true);
  });

  it('supports HEAD, Range and 404', async () => {
    emu.storageFiles.set('/public/r/data.bin', { size: 200_000, contentType: 'application/octet-stream' });
    const url = `${emu.storageUrl}/public/r/data.bin`;
    const head = await fetch(url, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '200000', '']);
    const range = await fetch(url, { headers: { range: 'bytes=65530-65545' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe('bytes 65530-65545/200000');
    const expected = expectedFileBytes('data.bin', 200_000).subarray(65530, 65546);
    expect(Buffer.from(await range.arrayBuffer()).equals(expected)).toBe(true);
    expect((await fetch(url, { headers: { range: 'bytes=300000-' } })).status).toBe(416);
    const missing = await fetch(`${emu.storageUrl}/public/r/nope.bin`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('NoSuchKey');
  });

  it('serves registered files: generated, explicit body, extra headers', async () => {
    emu.storageFiles.set('/public/custom/a.bin', { size: 70_000 });
    emu.storageFiles.set('/public/custom/page.html', { body: '<p>hi</p>', contentType: 'text/html' });
    const a = await fetch(`${emu.storageUrl}/public/custom/a.bin`);
    expect(a.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await a.arrayBuffer()).equals(expectedFileBytes('a.bin', 70_000))).toBe(true);
    const page = await fetch(`${emu.storageUrl}/public/custom/page.html`);
    expect([page.headers.get('content-type'), await page.text()]).toEqual(['text/html', '<p>hi</p>']);
  });

  it('streams a large file that matches expectedFileSha256', async () => {
    const size = 20 * 1024 * 1024 + 123;
    emu.storageFiles.set('/public/big/video.mp4', { size, contentType: 'video/mp4' });
    const res = await fetch(`${emu.storageUrl}/public/big/video.mp4`);
    const hash = createHash('sha256');
    let received = 0;
    for await (const chunk of res.body!) {
      hash.update(chunk);
      received += chunk.length;
    }
    expect(received).toBe(size);
    expect(hash.digest('hex')).toBe(expectedFileSha256('video.mp4', size));
  });

  it('encodes hostile output names in the URL and still serves them', async () => {
    const names = ['..%2F..%2Fetc%2Fpasswd', '../../escape.png', 'ünïcødé 文件 #1?.png', `${'long-'.repeat(60)}.png`];
    emu.apps.push(
      appWithOutputs({
        outputs: names.map((name, i) => ({
          nodeId: `node-${i}`,
          key: 'outputImage',
          file: { name, size: 1000 + i, contentType: 'image/png' },
        })),
      }),
    );
    const run = await runApp(appWithOutputs({}).id, { 'in-1': 'x' });
    const job = await pollUntilTerminal(run.id);
    for (const [i, name] of names.entries()) {
      const url = outputUrl(job, `node-${i}`);
      expect(url.startsWith(`${emu.storageUrl}/public/${run.id.slice(0, 8)}/`)).toBe(true);
      expect(new URL(url).pathname.split('/')).toHaveLength(4); // no extra segments
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(expectedFileBytes(name, 1000 + i))).toBe(true);
    }
  });

  it('rejects requests carrying Authorization, like S3, and records them', async () => {
    emu.storageFiles.set('/public/k/f.bin', { size: 10 });
    const res = await fetch(`${emu.storageUrl}/public/k/f.bin`, { headers: { authorization: `Bearer ${emu.apiKey}` } });
    expect(res.status).toBe(400);
    expect(emu.findRequests('GET', '/public/k/', 'storage')[0]?.headers.authorization).toBe(`Bearer ${emu.apiKey}`);
  });
});

// ----------------------------------------------------------------- record

describe('request record', () => {
  it('records both origins in arrival order with method, path+query, headers and body', async () => {
    const before = Date.now();
    await api('/jobs?limit=5');
    await post('/apps/run', { app_id: IDS.sketchToRender.app, inputs: sketchInputs });
    await fetch(`${emu.storageUrl}/public/none?x=1`);
    expect(emu.requests.map((r) => [r.origin, r.method, r.path])).toEqual([
      ['api', 'GET', '/api/v1/jobs?limit=5'],
      ['api', 'POST', '/api/v1/apps/run'],
      ['storage', 'GET', '/public/none?x=1'],
    ]);
    const [list, run, file] = emu.requests;
    expect(list?.headers.authorization).toBe(`Bearer ${emu.apiKey}`);
    expect(JSON.parse(run?.body ?? '')).toEqual({ app_id: IDS.sketchToRender.app, inputs: sketchInputs });
    expect(file?.headers.authorization).toBeUndefined();
    expect(list?.at).toBeGreaterThanOrEqual(before);
  });

  it('requestCount matches by method, prefix (with or without /api/v1) or RegExp, and origin', async () => {
    const run = await runApp();
    await poll(run.id);
    await poll(run.id);
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    expect(emu.requestCount('POST', '/api/v1/apps/run')).toBe(1);
    expect(emu.requestCount('GET', '/jobs/')).toBe(2);
    expect(emu.requestCount(null, /\/jobs\//)).toBe(2);
    expect(emu.requestCount('*', '/')).toBe(3);
    expect(emu.requestCount('GET', '/', 'storage')).toBe(0);
  });
});

// ------------------------------------------------------------------ close

describe('close', () => {
  it('resolves promptly with hung requests and delays in flight', async () => {
    emu.fault({ kind: 'hang', times: Infinity });
    emu.fault({ kind: 'hang-body', origin: 'storage' });
    emu.fault({ kind: 'delay', origin: 'storage', ms: Infinity });
    emu.storageFiles.set('/public/h/f.bin', { size: 1_000_000 });
    // Settle each request into a label right away, so no rejection goes unhandled.
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'answered',
        () => 'failed',
      );
    const hung = outcome(api('/apps'));
    const partial = outcome(fetch(`${emu.storageUrl}/public/h/f.bin`).then((res) => res.arrayBuffer()));
    const delayed = outcome(fetch(`${emu.storageUrl}/public/h/f.bin`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await emu.close();
    // What is in flight never ends on its own: waiting for it would never resolve.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await Promise.all([hung, partial, delayed])).toEqual(['failed', 'failed', 'failed']);
    await emu.close(); // idempotent
  });
});

// ----------------------------------------------------------------- models

async function runModel(payload: unknown, status = 200): Promise<ModelRunBody> {
  const res = await post('/models/run', payload);
  expect(res.status).toBe(status);
  return json<ModelRunBody>(res);
}

async function listJobs(limit = 100): Promise<ModelJobBody[]> {
  const res = await api(`/jobs?limit=${limit}`);
  expect(res.status).toBe(200);
  return (await json<ListBody<ModelJobBody>>(res)).data;
}

describe('GET /models', () => {
  it('lists the seeded models with their public fields only', async () => {
    const res = await api('/models');
    expect(res.status).toBe(200);
    const list = await json<ListBody<Record<string, unknown>>>(res);
    expect(list.object).toBe('list');
    expect(list.data.map((model) => model.id)).toEqual(SEEDED_MODELS.map((model) => model.id));
    expect(list.data[0]).toEqual({
      id: 'google/nano-banana',
      name: 'Nano Banana',
      modality: 'image',
      cost: 70,
      inputTypes: ['text', 'image'],
      promptRequired: true,
      outputType: 'image',
      description: 'Google image generation and editing model',
      settings: [
        {
          key: 'aspect_ratio',
          label: 'Aspect Ratio',
          inputType: 'select',
          defaultValue: '1:1',
          options: ['1:1', '16:9', '9:16', '4:3', '3:4', 'match_input_image'],
        },
        {
          key: 'output_format',
          label: 'Output Format',
          inputType: 'select',
          defaultValue: 'png',
          options: ['png', 'jpg'],
        },
      ],
    });
    for (const model of list.data) {
      for (const key of ['mode', 'outputs', 'plan', 'active']) expect(model).not.toHaveProperty(key);
    }
    const video = list.data.find((model) => model.id === MODEL_IDS.kling);
    expect(video).toMatchObject({ modality: 'video', cost: 400, promptRequired: true });
    const upscaler = list.data.find((model) => model.id === MODEL_IDS.upscaler);
    expect(upscaler).toMatchObject({ inputTypes: ['image'], promptRequired: false });
  });

  it('reflects models pushed by a test and hides inactive ones', async () => {
    emu.models.push({ ...structuredClone(SEEDED_MODELS[0]!), id: 'test/hidden', active: false });
    const list = await json<ListBody<{ id: string }>>(await api('/models'));
    expect(list.data.map((model) => model.id)).not.toContain('test/hidden');
    await expectError(
      post('/models/run', { model: 'test/hidden', input: { prompt: 'x' } }),
      400,
      'Invalid model: test/hidden',
    );
  });
});

describe('POST /models/run', () => {
  const bananaInput = {
    prompt: 'a banana in space',
    image_input: ['https://example.com/reference-image.jpg'],
    aspect_ratio: 'match_input_image',
    output_format: 'png',
  };

  it('a sync image model answers 200 with the completed job, charged, its file on storage', async () => {
    const run = await runModel({ model: MODEL_IDS.nanoBanana, input: bananaInput });
    const url = `${emu.storageUrl}/public/${run.id.slice(0, 8)}/nano-banana.png`;
    expect(run).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      object: 'job',
      status: 'completed',
      model: 'google/nano-banana',
      output: { outputImage: url },
      error_message: null,
      credits_charged: 70,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/),
      completed_at: expect.stringMatching(/\+00:00$/),
    });
    expect(emu.credits).toBe(100_000 - 70);
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(expectedFileBytes('nano-banana.png', 120_000))).toBe(true);

    const job = await json<ModelJobBody>(await api(`/jobs/${run.id}`));
    expect(job).toEqual({
      object: 'job',
      id: run.id,
      run_type: 'model',
      model_id: 'google/nano-banana',
      app_id: null,
      status: 'completed',
      input_data: { input: bananaInput },
      output_data: { outputImage: url },
      error_message: null,
      credits_charged: 70,
      created_at: run.created_at,
      completed_at: run.completed_at,
      webhook_delivered: false,
    });
  });

  it('a video model answers 202 processing and completes per the poll plan', async () => {
    emu.setJobPlan({ pendingPolls: 1, processingPolls: 1 });
    const run = await runModel({ model: MODEL_IDS.kling, input: { prompt: 'a wave', duration: '10' } }, 202);
    expect(run).toMatchObject({ status: 'pending', model: MODEL_IDS.kling, output: null, credits_charged: 400 });
    expect(emu.credits).toBe(100_000 - 400);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await poll(run.id)).status);
    expect(statuses).toEqual(['pending', 'processing', 'completed']);
    const job = (await poll(run.id)) as unknown as ModelJobBody;
    expect(job.output_data).toEqual({ outputVideo: `${emu.storageUrl}/public/${run.id.slice(0, 8)}/kling.mp4` });
    expect(job.input_data).toEqual({ input: { prompt: 'a wave', duration: '10' } });
  });

  it('a failed async model job is refunded', async () => {
    emu.setJobPlan({ outcome: 'failed', processingPolls: 0 });
    const run = await runModel({ model: MODEL_IDS.kling, input: { prompt: 'a wave' } }, 202);
    expect(run.status).toBe('processing');
    expect(await poll(run.id)).toMatchObject({ status: 'failed', error_message: DEFAULT_FAILURE_MESSAGE });
    expect(emu.credits).toBe(100_000);
  });

  it('a sync model whose plan fails answers 200 with the failed job, refunded', async () => {
    emu.models.push({ ...structuredClone(SEEDED_MODELS[0]!), id: 'test/flaky', plan: { outcome: 'failed' } });
    const run = await runModel({ model: 'test/flaky', input: { prompt: 'x' } });
    expect(run).toMatchObject({ status: 'failed', output: null, error_message: DEFAULT_FAILURE_MESSAGE });
    expect(emu.credits).toBe(100_000);
    expect(await poll(run.id)).toMatchObject({ status: 'failed', model_id: 'test/flaky' });
  });

  it('a text model answers 200 with a text output; an image-only model needs no prompt', async () => {
    const text = await runModel({
      model: MODEL_IDS.gpt5Mini,
      input: { prompt: 'release notes', max_completion_tokens: 50 },
    });
    expect(text.output).toEqual({ outputText: expect.any(String) });
    expect(text.credits_charged).toBe(5);
    const upscaled = await runModel({
      model: MODEL_IDS.upscaler,
      input: { image_input: ['https://e.x/a.png'], scale: 2 },
    });
    expect(upscaled.output).toEqual({ outputImage: expect.stringMatching(/\/upscaled-x4\.png$/) });
    expect(emu.credits).toBe(100_000 - 5 - 20);
  });

  it('rejects bad requests with 400 and charges nothing', async () => {
    const banana = (input: unknown) => post('/models/run', { model: MODEL_IDS.nanoBanana, input });
    await expectError(post('/models/run', '{"model": '), 400, 'Invalid JSON body');
    await expectError(post('/models/run', '[]'), 400, 'Request body must be a JSON object');
    await expectError(post('/models/run', { input: {} }), 400, 'model is required');
    await expectError(post('/models/run', { model: 7 }), 400, 'model must be a string');
    await expectError(
      post('/models/run', { model: 'acme/nope', input: { prompt: 'x' } }),
      400,
      'Invalid model: acme/nope',
    );
    await expectError(banana('x'), 400, 'input must be an object');
    await expectError(
      post('/models/run', { model: MODEL_IDS.nanoBanana, input: { prompt: 'x' }, webhook_url: 1 }),
      400,
      'webhook_url must be a string',
    );
    await expectError(banana({}), 400, 'Missing required input: prompt');
    await expectError(banana({ prompt: '' }), 400, 'Missing required input: prompt');
    await expectError(banana({ prompt: 5 }), 400, 'Input "prompt" must be a string');
    await expectError(banana({ prompt: 'x', 'Aspect Ratio': '1:1' }), 400, 'Unknown input: Aspect Ratio');
    await expectError(
      banana({ prompt: 'x', aspect_ratio: '5:4' }),
      400,
      'Invalid value for aspect_ratio: "5:4" (allowed: 1:1, 16:9, 9:16, 4:3, 3:4, match_input_image)',
    );
    await expectError(
      banana({ prompt: 'x', image_input: 'https://e.x/a.png' }),
      400,
      'Input "image_input" must be an array of URL strings',
    );
    await expectError(
      post('/models/run', { model: MODEL_IDS.gpt5Mini, input: { prompt: 'x', image_input: ['https://e.x/a.png'] } }),
      400,
      'Model openai/gpt-5-mini does not take image input (image_input)',
    );
    await expectError(
      post('/models/run', { model: MODEL_IDS.kling, input: { prompt: 'x', duration: 7 } }),
      400,
      'Invalid value for duration: 7 (allowed: 5, 10)',
    );
    await expectError(
      post('/models/run', { model: MODEL_IDS.upscaler, input: {} }),
      400,
      'Missing required input: image_input',
    );
    await expectError(
      post('/models/run', {
        model: MODEL_IDS.upscaler,
        input: { prompt: 'sharper', image_input: ['https://e.x/a.png'] },
      }),
      400,
      'Model nightmareai/real-esrgan does not take a prompt',
    );
    expect(emu.jobs.size).toBe(0);
    expect(emu.credits).toBe(100_000);
  });

  it('answers 402 when credits are short, without charging', async () => {
    emu.credits = 300;
    await expectError(
      post('/models/run', { model: MODEL_IDS.kling, input: { prompt: 'x' } }),
      402,
      'Insufficient credits. Required 400, available 300',
    );
    expect([emu.credits, emu.jobs.size]).toEqual([300, 0]);
  });
});

// --------------------------------------------------------------- job list

describe('GET /jobs as the real API shows it', () => {
  it('carries run_type, app_id/model_id, input_data as sent and both output shapes', async () => {
    const app = await runApp();
    await pollUntilTerminal(app.id);
    const model = await runModel({ model: MODEL_IDS.nanoBanana, input: { prompt: 'p' } });
    const [modelJob, appJob] = await listJobs();
    expect(modelJob).toMatchObject({
      id: model.id,
      run_type: 'model',
      model_id: MODEL_IDS.nanoBanana,
      app_id: null,
      input_data: { input: { prompt: 'p' } },
      output_data: { outputImage: expect.stringMatching(/nano-banana\.png$/) },
      error_message: null,
      credits_charged: 70,
    });
    expect(appJob).toMatchObject({
      id: app.id,
      run_type: 'app',
      model_id: null,
      app_id: IDS.sketchToRender.app,
      input_data: { app_id: IDS.sketchToRender.app, inputs: sketchInputs },
      output_data: { app_id: IDS.sketchToRender.app, app_name: 'Sketch to Render', node_outputs: expect.any(Object) },
      credits_charged: 200,
      completed_at: expect.any(String),
    });
  });

  it('advances jobs it shows as polls would, sharing the count with GET /jobs/:id', async () => {
    emu.setJobPlan({ pendingPolls: 1, processingPolls: 2 });
    const a = await runApp();
    const b = await runModel({ model: MODEL_IDS.kling, input: { prompt: 'x' } }, 202);
    const statuses = async () => (await listJobs()).map((job) => job.status);
    expect(await statuses()).toEqual(['pending', 'pending']);
    expect(await statuses()).toEqual(['processing', 'processing']);
    expect((await poll(a.id)).status).toBe('processing');
    expect(await statuses()).toEqual(['processing', 'completed']); // [b, a]
    expect(await statuses()).toEqual(['completed', 'completed']);
    expect(emu.jobs.get(b.id)?.polls).toBe(4);
  });

  it('only the jobs a list shows count as polled', async () => {
    const old = await runApp();
    await runApp();
    await listJobs(1);
    await listJobs(1);
    expect(emu.jobs.get(old.id)?.status).toBe('processing');
    expect(emu.jobs.get(old.id)?.polls).toBe(0);
  });

  it('with completeAfterMs, time decides however the jobs are looked at', async () => {
    const clock = handClock();
    await restart({ job: { completeAfterMs: 1000 }, now: clock.now });
    await runApp();
    await runModel({ model: MODEL_IDS.kling, input: { prompt: 'x' } }, 202);
    for (let i = 0; i < 5; i++) await listJobs(); // many looks do not hurry them
    for (const job of await listJobs()) expect(['pending', 'processing']).toContain(job.status);
    clock.advance(1000);
    expect((await listJobs()).map((job) => job.status)).toEqual(['completed', 'completed']);
  });
});

// ------------------------------------------------------ concurrency stats

describe('concurrency stats', () => {
  it('unfinishedCount and maxUnfinished follow jobs pending or processing at once', async () => {
    expect([emu.unfinishedCount(), emu.maxUnfinished]).toEqual([0, 0]);
    const a = await runApp();
    const b = await runModel({ model: MODEL_IDS.kling, input: { prompt: 'x' } }, 202);
    await runModel({ model: MODEL_IDS.nanoBanana, input: { prompt: 'x' } }); // sync: never unfinished
    expect([emu.unfinishedCount(), emu.maxUnfinished]).toEqual([2, 2]);
    await pollUntilTerminal(a.id);
    expect([emu.unfinishedCount(), emu.maxUnfinished]).toEqual([1, 2]);
    await runApp();
    expect([emu.unfinishedCount(), emu.maxUnfinished]).toEqual([2, 2]);
    await api(`/jobs/${b.id}/cancel`, { method: 'POST' });
    emu.resetStats();
    expect([emu.unfinishedCount(), emu.maxUnfinished]).toEqual([1, 1]);
    await runApp();
    expect(emu.maxUnfinished).toBe(2);
  });

  it('counts time-based jobs that have finished by now as finished', async () => {
    const clock = handClock();
    await restart({ job: { completeAfterMs: 50 }, now: clock.now });
    await runApp();
    clock.advance(80);
    await runApp();
    expect(emu.maxUnfinished).toBe(1);
  });
});

// ------------------------------------------------------------ past jobs

describe('seedJob and removeStorageFile', () => {
  it('adds a completed app job from the past, listed by created time, with files on storage', async () => {
    const live = await runApp();
    const createdAt = Date.now() - 3_600_000;
    const seeded = emu.seedJob({ appId: IDS.sketchToRender.app, inputs: sketchInputs, status: 'completed', createdAt });
    expect(seeded).toMatchObject({ run_type: 'app', status: 'completed', credits_charged: 200 });
    expect(emu.credits).toBe(100_000 - 200); // only the live run was charged
    const list = await listJobs();
    expect(list.map((job) => job.id)).toEqual([live.id, seeded.id]);
    const job = list[1] as unknown as JobBody;
    expect(job).toMatchObject({
      input_data: { app_id: IDS.sketchToRender.app, inputs: sketchInputs },
      created_at: new Date(createdAt).toISOString().replace('Z', '000+00:00'),
      completed_at: new Date(createdAt + 30_000).toISOString().replace('Z', '+00:00'),
    });
    const url = outputUrl(job, IDS.sketchToRender.renderNode);
    const file = await fetch(url);
    expect(Buffer.from(await file.arrayBuffer()).equals(expectedFileBytes('render.jpeg', 200_000))).toBe(true);
    expect(await poll(seeded.id)).toMatchObject({ status: 'completed', output_data: job.output_data });
  });

  it('seeds model jobs, failed and cancelled jobs, ISO times, charges and outputs', async () => {
    const model = emu.seedJob({
      modelId: MODEL_IDS.nanoBanana,
      input: { prompt: 'p', aspect_ratio: '16:9' },
      createdAt: '2026-11-28T10:00:00Z',
      creditsCharged: 66,
      outputs: [{ key: 'outputImage', file: { name: 'old.png', size: 10, contentType: 'image/png' } }],
    });
    const failed = emu.seedJob({
      appId: IDS.upscaleImage.app,
      inputs: {},
      status: 'failed',
      createdAt: Date.parse('2026-11-28T09:00:00Z'),
      errorMessage: 'boom',
    });
    const cancelled = emu.seedJob({ appId: IDS.upscaleImage.app, status: 'cancelled', createdAt: 0 });
    const [m, f, c] = await listJobs();
    expect(m).toMatchObject({
      id: model.id,
      run_type: 'model',
      model_id: MODEL_IDS.nanoBanana,
      app_id: null,
      input_data: { input: { prompt: 'p', aspect_ratio: '16:9' } },
      output_data: { outputImage: `${emu.storageUrl}/public/${model.id.slice(0, 8)}/old.png` },
      credits_charged: 66,
      created_at: '2026-11-28T10:00:00.000000+00:00',
    });
    expect(f).toMatchObject({ id: failed.id, status: 'failed', error_message: 'boom', output_data: null });
    expect(c).toMatchObject({ id: cancelled.id, status: 'cancelled', output_data: null });
    expect((await fetch(String(m?.output_data?.outputImage))).status).toBe(200);
    expect(emu.credits).toBe(100_000);
    expect(emu.maxUnfinished).toBe(0);
  });

  it('rejects impossible seeds', () => {
    expect(() => emu.seedJob({ createdAt: 0 })).toThrow(/exactly one of appId and modelId/);
    expect(() => emu.seedJob({ appId: 'nope', createdAt: 0 })).toThrow(/no app nope/);
    expect(() => emu.seedJob({ modelId: 'acme/nope', createdAt: 0 })).toThrow(/no model acme\/nope/);
    expect(() => emu.seedJob({ appId: IDS.upscaleImage.app, createdAt: 'yesterday' })).toThrow(/not a time/);
    expect(() =>
      emu.seedJob({ appId: IDS.upscaleImage.app, createdAt: 0, status: 'processing' as 'completed' }),
    ).toThrow(/status/);
  });

  it('storage answers HEAD and a one-byte Range without the API key; a removed file answers 404', async () => {
    const job = emu.seedJob({ appId: IDS.upscaleImage.app, createdAt: Date.now() - 1000 });
    const url = String(job.output_data?.node_outputs?.[IDS.upscaleImage.upscaledNode]?.outputImage);
    const head = await fetch(url, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, '500000']);
    const one = await fetch(url, { headers: { range: 'bytes=0-0' } });
    expect([one.status, one.headers.get('content-range')]).toEqual([206, 'bytes 0-0/500000']);
    expect(Buffer.from(await one.arrayBuffer()).equals(expectedFileBytes('upscaled.png', 1))).toBe(true);

    expect(emu.removeStorageFile(url)).toBe(true);
    expect(emu.removeStorageFile(url)).toBe(false);
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(404);
    expect((await fetch(url, { headers: { range: 'bytes=0-0' } })).status).toBe(404);
    emu.storageFiles.set('/public/x/a%20b.png', { size: 3 });
    expect(emu.removeStorageFile('/public/x/a b.png')).toBe(true); // any spelling of the path
  });
});

// --------------------------------------------------- faults on models/run

describe('faults on POST /models/run', () => {
  const body = { model: MODEL_IDS.nanoBanana, input: { prompt: 'p' } };

  it('reset, 500 and hang after handling: the job exists and was charged, the answer is lost', async () => {
    emu.fault({ kind: 'reset', path: '/models/run', afterHandling: true });
    await expect(post('/models/run', body)).rejects.toThrow();
    emu.fault({ kind: 'status', status: 500, path: '/models/run', afterHandling: true });
    await expectError(post('/models/run', body), 500, 'Injected failure');
    emu.fault({ kind: 'hang', path: '/models/run', afterHandling: true });
    const payload = JSON.stringify(body);
    await expect(
      api('/models/run', { method: 'POST', body: payload, signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(emu.jobs.size).toBe(3);
    expect(emu.credits).toBe(100_000 - 3 * 70);
    const jobs = await listJobs();
    expect(jobs.map((job) => [job.model_id, job.status])).toEqual(Array(3).fill([MODEL_IDS.nanoBanana, 'completed']));
  });

  it('without afterHandling nothing runs; an async model job is found and completes', async () => {
    emu.fault({ kind: 'reset', path: '/models/run' });
    await expect(post('/models/run', body)).rejects.toThrow();
    expect([emu.jobs.size, emu.credits]).toEqual([0, 100_000]);
    emu.fault({ kind: 'truncate', path: '/models/run' });
    const res = await post('/models/run', { model: MODEL_IDS.kling, input: { prompt: 'x' } });
    await expect(res.text()).rejects.toThrow();
    const [job] = await listJobs();
    expect(job).toMatchObject({ model_id: MODEL_IDS.kling, status: 'processing' });
    expect((await pollUntilTerminal(job!.id)).status).toBe('completed');
    expect(emu.requestCount('POST', '/models/run')).toBe(2);
  });
});
