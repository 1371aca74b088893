import { describe, expect, it } from 'vitest';
import { collectOutputs } from '../../src/job-outputs.js';

describe('collectOutputs', () => {
  it('collects URLs and texts in node order', () => {
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
      ['file', 'https://s3.example/p/model.glb'],
      ['image', 'https://s3.example/p/plain.webp'],
    ]);
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
});
