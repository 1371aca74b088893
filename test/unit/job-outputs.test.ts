import { describe, expect, it } from 'vitest';
import { collectOutputs, fileUrlsOf, rawOutputs } from '../../src/report/job-outputs.js';
import { isModelJob } from '../../src/kinds/model-kind.js';

describe('collectOutputs', () => {
  it('collects URLs and texts of an app job in node order', () => {
    const { items, problem } = collectOutputs({
      id: 'j',
      status: 'completed',
      output_data: {
        node_outputs: {
          'node-b': { outputImage: 'https://s3.example/p/poster.png' },
          'node-a': { outputVideo: 'https://s3.example/p/teaser.mp4', outputText: 'A caption' },
          'node-c': { outputAudio: ['https://s3.example/p/a.mp3', 'https://s3.example/p/b.mp3'] },
          'node-d': { somethingNew: 'https://s3.example/p/model.glb' },
          'node-e': 'https://s3.example/p/plain.webp',
          'node-f': { outputImage: null, count: 3 },
        },
      },
    });
    expect(problem).toBeUndefined();
    expect(items.map((item) => [item.kind, item.value])).toEqual([
      ['image', 'https://s3.example/p/poster.png'],
      ['video', 'https://s3.example/p/teaser.mp4'],
      ['text', 'A caption'],
      ['audio', 'https://s3.example/p/a.mp3'],
      ['audio', 'https://s3.example/p/b.mp3'],
      // Only media keys are files: an unknown key or a bare value is text, never fetched.
      ['text', 'https://s3.example/p/model.glb'],
      ['text', 'https://s3.example/p/plain.webp'],
    ]);
  });

  it.each([
    [
      'a text model answer',
      { run_type: 'model', model_id: 'm', output_data: { outputText: 'http://127.0.0.1:9/x.png' } },
    ],
    ['an app text node', { output_data: { node_outputs: { n: { outputText: 'https://s3.example/caption.png' } } } }],
    ['an app node text field', { output_data: { node_outputs: { n: { text: 'http://169.254.169.254/latest' } } } }],
  ])('never takes %s that looks like a URL for a file', (_, job) => {
    const { items } = collectOutputs({ id: 'j', status: 'completed', ...job } as Parameters<typeof collectOutputs>[0]);
    expect(items.map((item) => item.kind)).toEqual(['text']);
    expect(fileUrlsOf(items)).toEqual([]);
  });

  it('takes a media output for a file, whatever its extension', () => {
    const { items } = collectOutputs({
      id: 'j',
      status: 'completed',
      output_data: {
        node_outputs: { n: { outputFile: 'https://s3.example/a.bin', output3d: 'https://s3.example/m' } },
      },
    });
    expect(items.map((item) => item.kind)).toEqual(['file', 'file']);
  });

  it('treats non-http values as text', () => {
    const { items } = collectOutputs({
      id: 'j',
      status: 'completed',
      output_data: { node_outputs: { n: { outputImage: 'javascript:alert(1)' } } },
    });
    expect(items[0]!.kind).toBe('text');
  });

  it('reports node_outputs that is not an object', () => {
    expect(collectOutputs({ id: 'j', status: 'completed', output_data: { node_outputs: ['x'] } }).problem).toMatch(
      /is a list, not an object/,
    );
    expect(collectOutputs({ id: 'j', status: 'completed', output_data: { node_outputs: 'x' } }).problem).toMatch(
      /is a string, not an object/,
    );
    expect(collectOutputs({ id: 'j', status: 'completed', output_data: null }).items).toEqual([]);
  });

  it('collects the flat outputs of a model job, text included', () => {
    const job = {
      id: 'j',
      status: 'completed',
      run_type: 'model',
      model_id: 'google/nano-banana',
      output_data: {
        outputImage: 'https://storage.example/o/1.png',
        outputText: 'A short description',
        outputVideos: ['https://storage.example/o/a.mp4'],
        extra: { outputAudio: 'https://storage.example/o/s.mp3' },
        seed: 42,
      },
    };
    const { items, problem } = collectOutputs(job);
    expect(problem).toBeUndefined();
    expect(items).toEqual([
      { nodeId: '', key: 'outputImage', kind: 'image', value: 'https://storage.example/o/1.png' },
      { nodeId: '', key: 'outputText', kind: 'text', value: 'A short description' },
      { nodeId: '', key: 'outputVideos', kind: 'video', value: 'https://storage.example/o/a.mp4' },
      { nodeId: '', key: 'extra.outputAudio', kind: 'audio', value: 'https://storage.example/o/s.mp3' },
    ]);
    expect(rawOutputs(job)).toBe(job.output_data);
  });

  it('tells model jobs from app jobs', () => {
    expect(isModelJob({ id: 'j', status: 'completed', run_type: 'model' })).toBe(true);
    expect(isModelJob({ id: 'j', status: 'completed', run_type: 'app', model_id: 'm' })).toBe(false);
    expect(isModelJob({ id: 'j', status: 'completed', model_id: 'm', app_id: null })).toBe(true);
    expect(isModelJob({ id: 'j', status: 'completed', model_id: null, app_id: 'a' })).toBe(false);
    // An app job's output_data is not read as flat outputs: its app_name is not a text output.
    const app = { id: 'j', status: 'failed', output_data: { app_name: 'Sketch' } };
    expect(collectOutputs(app).items).toEqual([]);
    expect(rawOutputs(app)).toEqual({});
  });

  it('gives the raw output object of either shape for the outputs step output', () => {
    const nodes = { n1: { outputImage: 'https://s3.example/a.png' } };
    expect(rawOutputs({ id: 'j', status: 'completed', output_data: { app_name: 'A', node_outputs: nodes } })).toBe(
      nodes,
    );
    expect(rawOutputs({ id: 'j', status: 'processing', run_type: 'model', output_data: null })).toEqual({});
    expect(collectOutputs({ id: 'j', status: 'completed', run_type: 'model', output_data: null }).items).toEqual([]);
  });
});
