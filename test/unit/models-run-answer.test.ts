import { describe, expect, it } from 'vitest';
import { parseModelRunAnswer } from '../../src/armox/answers.js';
import { ApiError } from '../../src/core/errors.js';

describe('parseModelRunAnswer', () => {
  it('turns the inline 200 answer into a completed job with output_data and model_id', () => {
    const job = parseModelRunAnswer(
      {
        id: 'job_1',
        object: 'job',
        status: 'completed',
        model: 'google/nano-banana',
        output: { outputImage: 'https://storage.example/1.png' },
        credits_charged: 70,
      },
      'google/nano-banana',
    );
    expect(job).toMatchObject({
      id: 'job_1',
      status: 'completed',
      run_type: 'model',
      model_id: 'google/nano-banana',
      output_data: { outputImage: 'https://storage.example/1.png' },
      credits_charged: 70,
    });
  });

  it('keeps a 202 job to poll, and follows a job id without a status', () => {
    expect(parseModelRunAnswer({ id: 'job_2', status: 'processing' }, 'acme/veo')).toEqual({
      id: 'job_2',
      status: 'processing',
      run_type: 'model',
      model_id: 'acme/veo',
      output_data: undefined,
    });
    expect(parseModelRunAnswer({ id: 'job_3' }, 'acme/veo')).toMatchObject({ status: 'processing' });
  });

  it('prefers output_data and model_id when the answer has them, and keeps a bare output', () => {
    expect(
      parseModelRunAnswer(
        { id: 'j', status: 'completed', model_id: 'a/b', model: 'x', output_data: { outputText: 'hi' }, output: 'no' },
        'a/b',
      ),
    ).toMatchObject({ model_id: 'a/b', output_data: { outputText: 'hi' } });
    expect(parseModelRunAnswer({ id: 'j', status: 'completed', output: 'plain text' }, 'a/b').output_data).toEqual({
      output: 'plain text',
    });
  });

  it('refuses an answer that is not a job', () => {
    expect(() => parseModelRunAnswer({ status: 'completed' }, 'a/b')).toThrow(ApiError);
    expect(() => parseModelRunAnswer('<html>', 'a/b')).toThrow(/POST \/models\/run failed/);
  });
});
