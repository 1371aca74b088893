import { describe, expect, it } from 'vitest';
import { ApiError, InputError } from '../../src/core/errors.js';
import { parseModelList } from '../../src/armox/answers.js';
import { listModels, resolveModel } from '../../src/kinds/model-list.js';
import { NANO_BANANA } from '../helpers/model-fixtures.js';

const models = parseModelList({
  object: 'list',
  data: [
    {
      ...NANO_BANANA,
      settings: [
        NANO_BANANA.settings[0],
        {
          key: 'output_format',
          label: 'Output Format',
          inputType: 'select',
          defaultValue: 'png',
          values: [{ value: 'png', label: 'PNG' }, { value: 'jpg' }, { label: 'no value' }, null],
        },
        { key: 'seed', label: 'Seed', inputType: 'number', choices: [] },
        { label: 'no key' },
        { key: 'aspect_ratio', label: 'duplicate' },
      ],
    },
    { id: 'acme/clip', name: 'Clip', modality: 'video', cost: 'free', settings: 'broken' },
    { id: 'acme/clip-2', name: 'clip', inputTypes: ['TEXT', 3] },
    { id: '', name: 'empty id' },
    { name: 'no id' },
    'junk',
  ],
});

describe('parseModelList', () => {
  it('keeps usable models and normalises their settings and options', () => {
    expect(models.map((model) => model.id)).toEqual(['google/nano-banana', 'acme/clip', 'acme/clip-2']);
    const [banana, clip, clip2] = models;
    expect(banana).toMatchObject({ name: 'Nano Banana', modality: 'image', cost: 70, promptRequired: true });
    expect(banana!.settings).toEqual([
      {
        key: 'aspect_ratio',
        label: 'Aspect Ratio',
        inputType: 'select',
        defaultValue: '1:1',
        options: [{ value: '1:1' }, { value: '16:9' }],
      },
      {
        key: 'output_format',
        label: 'Output Format',
        inputType: 'select',
        defaultValue: 'png',
        options: [{ value: 'png', label: 'PNG' }, { value: 'jpg' }],
      },
      { key: 'seed', label: 'Seed', inputType: 'number', defaultValue: undefined, options: undefined },
    ]);
    expect(clip).toMatchObject({ cost: undefined, settings: [], inputTypes: undefined, promptRequired: false });
    expect(clip2).toMatchObject({ modality: '', inputTypes: ['text'] });
  });

  it('refuses a body without a data list', () => {
    expect(() => parseModelList({ models: [] })).toThrow(ApiError);
    expect(() => parseModelList('<html>')).toThrow(/GET \/models failed: the API sent a body without a "data" list/);
  });
});

describe('resolveModel', () => {
  it('finds a model by exact id, else by name case-insensitively', () => {
    expect(resolveModel(models, 'google/nano-banana').id).toBe('google/nano-banana');
    expect(resolveModel(models, '  nano   BANANA ').id).toBe('google/nano-banana');
  });

  it('lists the models the key can see when nothing matches, with a near miss', () => {
    let error: unknown;
    try {
      resolveModel(models, 'Google/Nano-Banana');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).toContain('model "Google/Nano-Banana" is not the id or the name of a model this API key can use.');
    expect(message).toContain('Did you mean "google/nano-banana"?');
    expect(message).toMatch(/id +name +modality +cost/);
    expect(message).toMatch(/google\/nano-banana +Nano Banana +image +70/);
    expect(message).toMatch(/acme\/clip +Clip +video +\?/);
  });

  it('asks for the id when a name is ambiguous', () => {
    expect(() => resolveModel(models, 'CLIP')).toThrow(/matches 2 models by name; give the model's id instead/);
  });

  it('says when the key sees no models', () => {
    expect(() => resolveModel([], 'x')).toThrow(/This API key sees no models/);
    expect(listModels([])).toMatch(/sees no models/);
  });
});
