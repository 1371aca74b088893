import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Model } from '../../src/armox/types.js';
import { parseModelList } from '../../src/armox/answers.js';
import { ModelTarget } from '../../src/kinds/model-target.js';
import { NANO_BANANA } from '../helpers/model-fixtures.js';
import type { InputsSource } from '../../src/kinds/target.js';

const banana: Model = {
  ...parseModelList({ data: [NANO_BANANA] })[0]!,
  settings: [
    {
      key: 'aspect_ratio',
      label: 'Aspect Ratio',
      inputType: 'select',
      defaultValue: '1:1',
      options: [{ value: '1:1', label: 'Square' }, { value: '16:9' }, { value: 'match_input_image' }],
    },
    {
      key: 'output_format',
      label: 'Output Format',
      inputType: 'select',
      defaultValue: 'png',
      options: [{ value: 'png' }, { value: 'jpg' }],
    },
    { key: 'num_images', label: 'Number of images', inputType: 'number', defaultValue: 1 },
    { key: 'safety', label: 'Safety checker', inputType: 'switch', defaultValue: true },
    { key: 'style', label: 'Style', inputType: 'text' },
    { key: 'seed', label: 'Seed', inputType: 'custom' },
  ],
};

const veo: Model = {
  id: 'acme/veo',
  name: 'Veo',
  modality: 'video',
  cost: 400,
  inputTypes: ['text'],
  promptRequired: false,
  settings: [{ key: 'duration', label: 'Duration', inputType: 'select', defaultValue: '5s' }],
};

function source(entries: Record<string, unknown>, name = 'inputs'): InputsSource {
  return { name, entries: Object.entries(entries) };
}

describe('ModelTarget', () => {
  const target = new ModelTarget(banana);

  it('names the model, its price and its call', () => {
    expect(target).toMatchObject({
      kind: 'model',
      id: 'google/nano-banana',
      name: 'Nano Banana',
      title: 'model google/nano-banana (image)',
      price: 70,
      submitCall: 'POST /models/run',
    });
    expect(new ModelTarget({ ...veo, modality: '', cost: undefined })).toMatchObject({
      title: 'model acme/veo',
      price: undefined,
    });
  });

  it('sends prompt, images and settings flat in input, by key or label, later sources winning', () => {
    const result = target.prepare(
      [
        source({ Prompt: 'a cat', 'aspect ratio': '16:9', OUTPUT_FORMAT: 'jpg' }, 'inputs-file (a.yml)'),
        source({
          prompt: 'a dog',
          image_input: 'https://example.com/ref.jpg',
          'Number of images': '2',
          Safety: 'False',
        }),
      ],
      'https://hooks.example/armox',
    );
    expect(result.problems).toEqual([]);
    const input = {
      prompt: 'a dog',
      image_input: ['https://example.com/ref.jpg'],
      aspect_ratio: '16:9',
      output_format: 'jpg',
      num_images: 2,
      safety: false,
    };
    expect(result.request).toEqual({
      body: { model: 'google/nano-banana', input, webhook_url: 'https://hooks.example/armox' },
      inputs: input,
    });
  });

  it('maps values to the type of the setting and option labels to their values', () => {
    const result = target.prepare([
      source({ prompt: 42, aspect_ratio: 'square', num_images: 3, safety: true, style: 7, seed: 12345 }),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.request!.inputs).toEqual({
      prompt: '42',
      aspect_ratio: '1:1',
      num_images: 3,
      safety: true,
      style: '7',
      seed: 12345,
    });
    expect(result.request!.body).not.toHaveProperty('webhook_url');
  });

  it('does not send settings that were not given or are empty', () => {
    const result = target.prepare([source({ prompt: 'a cat', aspect_ratio: '', image_input: [] })]);
    expect(result.request!.inputs).toEqual({ prompt: 'a cat' });
    expect(result.warnings).toEqual([
      `inputs: "aspect_ratio" is empty, so it is not sent: the model's default ("1:1") applies.`,
    ]);
  });

  it('collects every problem at once, naming the source and the key', () => {
    const result = target.prepare([
      source({
        aspect_rato: '1:1',
        output_format: 'gif',
        num_images: 'two',
        safety: 'maybe',
        style: ['a', 'b'],
        image_input: ['/tmp/local.png'],
        Prompt: { text: 'x' },
      }),
    ]);
    expect(result.request).toBeUndefined();
    expect(result.problems).toEqual([
      'inputs: unknown key "aspect_rato". Did you mean "aspect_ratio"? Valid keys: "prompt", "image_input", "aspect_ratio", ' +
        `"output_format", "num_images", "safety", "style", "seed" (or a setting's label).`,
      'inputs: "prompt" must be text, got a mapping.',
      expect.stringContaining('inputs: "image_input": "/tmp/local.png" is not an http(s) URL.'),
      'inputs: "output_format": "gif" is not one of its options: "png", "jpg".',
      'inputs: "num_images" must be a number, got "two".',
      'inputs: "safety" must be true or false, got "maybe".',
      'inputs: "style" must be a single value (text, number or true/false), got a list.',
      // The prompt was given (as a mapping): it is not also reported missing.
    ]);
  });

  it('reports every bad image of a list, and a missing prompt only when none was given', () => {
    const result = target.prepare([
      source({ prompt: '', image_input: ['ftp://a', 'notaurl', 5, 'https://example.com/ok.png'] }),
    ]);
    expect(result.problems).toEqual([
      'inputs: "image_input": image 3 must be a URL string, got number.',
      expect.stringMatching(
        /^inputs: "image_input": "ftp:\/\/a" and "notaurl" are not http\(s\) URLs\. Image inputs are fetched by Armox/,
      ),
      'missing the prompt: model google/nano-banana requires one (key "prompt").',
    ]);
  });

  describe('a model that takes only images (inputTypes: ["image"])', () => {
    const upscaler = new ModelTarget({
      id: 'acme/upscale',
      name: 'Upscale',
      modality: 'image',
      cost: 20,
      inputTypes: ['image'],
      promptRequired: false,
      settings: [
        {
          key: 'scale',
          label: 'Scale',
          inputType: 'select',
          defaultValue: '4',
          options: [{ value: '2' }, { value: '4' }],
        },
      ],
    });

    it('refuses a prompt and requires images, in one list of problems', () => {
      const result = upscaler.prepare([source({ prompt: 'sharper', scale: '2' })]);
      expect(result.request).toBeUndefined();
      expect(result.problems).toEqual([
        'inputs: "prompt": model acme/upscale takes no prompt (its input types: image); remove "prompt".',
        'missing the images: model acme/upscale takes only images (its input types: image), so it needs at least one ' +
          '(key "image_input", a list of public image URLs).',
      ]);
      expect(result.warnings).toEqual([]);
    });

    it('says so in its contract and its skeleton, and takes images alone', () => {
      expect(upscaler.contractTable()).toContain('image_input  Images  image URLs (list), required');
      expect(upscaler.contractTable()).not.toContain('prompt');
      expect(upscaler.inputsSkeleton()).toContain('  image_input: []  # required; list of public image URLs');
      const ok = upscaler.prepare([source({ image_input: 'https://example.com/a.png' })]);
      expect(ok.problems).toEqual([]);
      expect(ok.request!.inputs).toEqual({ image_input: ['https://example.com/a.png'] });
    });

    it('does not report images missing when the ones given are refused', () => {
      const result = upscaler.prepare([source({ image_input: ['notaurl'] })]);
      expect(result.problems).toEqual([expect.stringContaining('"notaurl" is not an http(s) URL')]);
    });
  });

  it('refuses images for a model that takes none, and a key given twice in one source', () => {
    const result = new ModelTarget(veo).prepare([
      source({ image_input: 'https://example.com/a.png', Duration: '5s', duration: '10s' }),
    ]);
    expect(result.problems).toEqual([
      'inputs: "duration" is given twice (as "Duration" and "duration").',
      'inputs: "image_input": model acme/veo takes no images (its input types: text); remove "image_input".',
    ]);
  });

  it('suggests among the keys a model takes, and warns about a private image host', () => {
    const result = new ModelTarget(veo).prepare([source({ promt: 'x' })]);
    expect(result.problems).toEqual([
      `inputs: unknown key "promt". Did you mean "prompt"? Valid keys: "prompt", "duration" (or a setting's label).`,
    ]);
    const local = target.prepare([source({ prompt: 'x', image_input: 'http://localhost:8080/a.png' })]);
    expect(local.problems).toEqual([]);
    expect(local.warnings[0]).toMatch(/looks private/);
  });

  it('shows the contract as a table', () => {
    expect(target.contractTable()).toBe(
      [
        'Inputs of model google/nano-banana (Nano Banana, image, 70 credits per run):',
        'key            label             type               default  options',
        '-------------  ----------------  -----------------  -------  -------------------------------------',
        'prompt         Prompt            text, required',
        'image_input    Images            image URLs (list)',
        'aspect_ratio   Aspect Ratio      select             1:1      1:1 (Square), 16:9, match_input_image',
        'output_format  Output Format     select             png      png, jpg',
        'num_images     Number of images  number             1',
        'safety         Safety checker    switch             true',
        'style          Style             text',
        'seed           Seed              custom',
      ].join('\n'),
    );
    expect(new ModelTarget({ ...veo, inputTypes: [], settings: [] }).contractTable()).toBe(
      'Model acme/veo (Veo, video, 400 credits per run) takes no inputs.',
    );
  });

  it('writes a ready-to-paste inputs block that passes its own check once the prompt is filled', () => {
    const skeleton = target.inputsSkeleton();
    expect(skeleton).toBe(
      [
        'inputs: |',
        '  prompt: ""  # required',
        '  image_input: []  # list of public image URLs, e.g. [https://example.com/image.jpg]',
        '  aspect_ratio: 1:1  # Aspect Ratio; select; one of: 1:1 (Square), 16:9, match_input_image',
        '  output_format: png  # Output Format; select; one of: png, jpg',
        '  num_images: 1  # Number of images; number',
        '  safety: true  # Safety checker; switch',
        '  # style: ""  # Style; text',
        '  # seed: ""  # Seed; custom',
      ].join('\n'),
    );
    const block = skeleton.replace(/^inputs: \|\n/, '').replace(/^ {2}/gm, '');
    const entries = Object.entries(parse(block) as Record<string, unknown>);
    const filled = target.prepare([{ name: 'inputs', entries }, source({ prompt: 'a cat' })]);
    expect(filled.problems).toEqual([]);
    expect(filled.request!.inputs).toEqual({
      prompt: 'a cat',
      aspect_ratio: '1:1',
      output_format: 'png',
      num_images: 1,
      safety: true,
    });
  });

  it('owns its model jobs and reads their inputs', () => {
    const job = {
      id: 'j',
      status: 'completed',
      run_type: 'model',
      model_id: 'google/nano-banana',
      input_data: { input: { prompt: 'x' } },
    };
    expect(target.ownsJob(job)).toBe(true);
    expect(target.ownsJob({ ...job, run_type: undefined })).toBe(true);
    expect(target.ownsJob({ ...job, model_id: 'acme/veo' })).toBe(false);
    expect(target.ownsJob({ ...job, run_type: 'app' })).toBe(false);
    expect(target.jobInputs(job)).toEqual({ prompt: 'x' });
    expect(target.jobInputs({ id: 'j', status: 'completed', input_data: null })).toBeUndefined();
  });
});
