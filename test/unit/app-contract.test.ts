import { describe, expect, it } from 'vitest';
import type { App } from '../../src/armox/types.js';
import { buildRequestInputs, formatContract, inputsSkeleton } from '../../src/kinds/app-contract.js';
import { AppTarget } from '../../src/kinds/app-target.js';
import { parseInputsMapping } from '../../src/request/yaml-input.js';
import { InputError } from '../../src/core/errors.js';

const IMAGES = '93197f6b-0180-4da1-ad4a-87890d2c7d4a';
const RATIO = 'ced4aa7b-a2a8-4b53-b9ea-1b3e7d9194b5';
const STYLE = 'style-id';

const app: App = {
  id: 'cb2bbd2d-b538-4d34-a54e-a9158c2e0dbb',
  name: 'Sketch to Render',
  inputs: [
    {
      id: IMAGES,
      type: 'image',
      label: 'Input Images',
      required: true,
      targetHandle: 'image_input',
      allowMultiple: true,
    },
    {
      id: RATIO,
      type: 'text',
      label: 'Aspect Ratio',
      required: true,
      targetHandle: 'aspect_ratio',
      allowMultiple: false,
    },
    { id: STYLE, type: 'text', label: 'Style', required: false, targetHandle: 'style', allowMultiple: false },
  ],
};

/** What the action does with a run's inputs: problems become one InputError with the contract. */
function buildFor(target: App, text: string, fileText?: string) {
  const sources = fileText === undefined ? [] : [parseInputsMapping('inputs-file (inputs.yml)', fileText)];
  const result = buildRequestInputs(target, [...sources, parseInputsMapping('inputs', text)]);
  if (result.problems.length > 0) {
    const table = new AppTarget(target).contractTable();
    throw new InputError(
      `${result.problems.join('\n')}\n\n${table}\n\nNothing was submitted and no credits were spent.`,
    );
  }
  return result;
}

function build(text: string, fileText?: string) {
  return buildFor(app, text, fileText);
}

function refusal(text: string, fileText?: string): string {
  try {
    build(text, fileText);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('buildRequestInputs', () => {
  it('maps labels, ids and targetHandles to input ids', () => {
    expect(
      build('Input Images: [https://example.com/a.jpg]\naspect_ratio: "16:9"\n' + `${STYLE}: watercolor`).inputs,
    ).toEqual({
      [IMAGES]: ['https://example.com/a.jpg'],
      [RATIO]: '16:9',
      [STYLE]: 'watercolor',
    });
  });

  it('matches labels and handles case-insensitively', () => {
    expect(build('input images: https://example.com/a.jpg\nASPECT RATIO: auto').inputs).toEqual({
      [IMAGES]: ['https://example.com/a.jpg'],
      [RATIO]: 'auto',
    });
  });

  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify({
      [IMAGES]: ['https://example.com/a.jpg', 'https://example.com/b.jpg'],
      'Aspect Ratio': '1:1',
    });
    expect(build(json).inputs[IMAGES]).toEqual(['https://example.com/a.jpg', 'https://example.com/b.jpg']);
  });

  it('turns YAML numbers and booleans into strings', () => {
    expect(build('Input Images: [https://example.com/a.jpg]\nAspect Ratio: 1.5\nStyle: true').inputs).toMatchObject({
      [RATIO]: '1.5',
      [STYLE]: 'true',
    });
  });

  it('wraps a single value for a multi-valued input and drops empty optional values', () => {
    const { inputs } = build('Input Images: https://example.com/a.jpg\nAspect Ratio: auto\nStyle: ""');
    expect(inputs).toEqual({ [IMAGES]: ['https://example.com/a.jpg'], [RATIO]: 'auto' });
  });

  it('lets inputs win over inputs-file, input by input', () => {
    const { inputs } = build(
      'aspect_ratio: "4:3"',
      'Input Images: [https://example.com/a.jpg]\nAspect Ratio: "1:1"\nStyle: ink',
    );
    expect(inputs).toEqual({ [IMAGES]: ['https://example.com/a.jpg'], [RATIO]: '4:3', [STYLE]: 'ink' });
  });

  it('reports every problem at once with the contract table', () => {
    const message = refusal('Input Images: ./sketch.jpg\nColour: red\nStyle: [a, b]');
    expect(message).toContain('inputs: unknown input "Colour"');
    expect(message).toContain('Valid keys: "Input Images", "Aspect Ratio", "Style"');
    expect(message).toContain('"./sketch.jpg" is not an http(s) URL');
    expect(message).toContain('"Style" takes one value, not a list of 2');
    expect(message).toContain('missing required input: "Aspect Ratio"');
    expect(message).toMatch(/label\s+type\s+required\s+targetHandle\s+id/);
    expect(message).toContain('Nothing was submitted and no credits were spent.');
  });

  it('names every bad URL of an image list, not only the first', () => {
    const message = refusal(
      'Input Images: [ftp://a.example/x.png, notaurl, https://example.com/ok.jpg]\nAspect Ratio: a',
    );
    expect(message).toContain('"ftp://a.example/x.png" and "notaurl" are not http(s) URLs');
  });

  it('counts empty values as missing', () => {
    expect(refusal('Input Images: []\nAspect Ratio: ""')).toContain(
      'missing required inputs: "Input Images", "Aspect Ratio"',
    );
    expect(refusal('Input Images:\nAspect Ratio: ~')).toContain('missing required inputs');
  });

  it('suggests the label for a near miss', () => {
    expect(refusal('Input Images: [https://x.io/a.png]\nAspect Ration: auto')).toContain(
      'Did you mean "Aspect Ratio"?',
    );
  });

  it('flags unicode look-alike labels', () => {
    // "А" below is CYRILLIC CAPITAL LETTER A.
    const message = refusal('Input Images: [https://x.io/a.png]\n\u0410spect Ratio: auto');
    expect(message).toContain('U+0410');
    expect(message).toContain('may only look like');
  });

  it('asks for the id when a key matches several inputs', () => {
    const twin: App = {
      ...app,
      inputs: [
        { id: 'a', type: 'text', label: 'Prompt', required: false, allowMultiple: false },
        { id: 'b', type: 'text', label: 'prompt', required: false, allowMultiple: false },
      ],
    };
    expect(() => buildFor(twin, 'PROMPT: hi')).toThrow(/matches 2 inputs .*use the input's id/);
  });

  it('refuses the same input given twice under different keys', () => {
    expect(refusal(`Aspect Ratio: a\naspect_ratio: b\nInput Images: [https://x.io/a.png]`)).toContain(
      '"Aspect Ratio" is given twice',
    );
  });

  it('refuses nested values', () => {
    expect(refusal('Input Images: [https://x.io/a.png]\nAspect Ratio: {w: 16, h: 9}')).toContain(
      'must be a string, got a mapping',
    );
    expect(refusal('Input Images: [[https://x.io/a.png]]\nAspect Ratio: a')).toContain(
      'every list item must be a string',
    );
  });

  it.each(['file:///etc/passwd', 'C:\\\\images\\\\a.png', 'data:image/png;base64,AAAA', 'javascript:alert(1)'])(
    'refuses the image value %s',
    (value) => {
      expect(refusal(`Input Images: ["${value}"]\nAspect Ratio: a`)).toContain('is not an http(s) URL');
    },
  );

  it('says how a local image can be made public', () => {
    const message = refusal('Input Images: ./sketch.jpg\nAspect Ratio: a');
    expect(message).toContain('commit the file to a public repository');
    expect(message).toContain('upload it somewhere public first (a release asset, a storage bucket)');
  });

  it('keeps the spaces of a key: a doubled space is a near miss, not a match', () => {
    expect(refusal('Input Images: [https://x.io/a.png]\nAspect  Ratio: auto')).toContain(
      'unknown input "Aspect  Ratio". Did you mean "Aspect Ratio"?',
    );
  });

  it('warns about private image URLs', () => {
    const { warnings } = build('Input Images: [http://192.168.1.5/a.jpg]\nAspect Ratio: a');
    expect(warnings.join()).toContain('looks private');
  });

  it('builds a null-prototype-safe body for hostile keys', () => {
    const message = refusal(
      '__proto__: {polluted: yes}\nconstructor: x\nInput Images: [https://x.io/a.png]\nAspect Ratio: a',
    );
    expect(message).toContain('unknown input "__proto__"');
    expect(message).toContain('unknown input "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseInputsMapping (hostile documents)', () => {
  const parse = (text: string) => parseInputsMapping('inputs', text).entries;

  it('gives line and column for malformed YAML', () => {
    expect(() => parse('Aspect Ratio: "16:9\nStyle: x')).toThrow(
      /inputs is not valid YAML or JSON at line \d+, column \d+/,
    );
    expect(() => parse('{"Aspect Ratio": "16:9",}x')).toThrow(/not valid YAML or JSON at line 1/);
  });

  it('refuses a key given twice, comparing keys as written', () => {
    expect(() => parse('Style: a\nStyle: b')).toThrow(
      'inputs gives "Style" twice (lines 1 and 2): give each input once.',
    );
    expect(() => parse('Settings: {a: 1, a: 2}')).toThrow(
      'inputs gives the key "a" twice in one mapping (line 1); give it once.',
    );
    // YAML would read both keys as the number 1; as written they differ.
    expect(parse('1: a\n01: b')).toEqual([
      ['1', 'a'],
      ['01', 'b'],
    ]);
  });

  it('keeps keys as written, in nested mappings too', () => {
    expect(parse('1.50: a\n1e3: b\n.5: c\n"007": d\nnested: {010: x}')).toEqual([
      ['1.50', 'a'],
      ['1e3', 'b'],
      ['.5', 'c'],
      ['007', 'd'],
      ['nested', new Map([['010', 'x']])],
    ]);
  });

  it('refuses documents that are not one mapping', () => {
    expect(() => parse('- a\n- b')).toThrow(/must be a mapping .* not a list/);
    expect(() => parse('just text')).toThrow(/must be a mapping .* not a single value/);
    expect(() => parse('a: 1\n---\nb: 2')).toThrow(/holds 2 YAML documents/);
  });

  it('treats empty text, {} and null as no inputs', () => {
    expect(parse('')).toEqual([]);
    expect(parse('{}')).toEqual([]);
    expect(parse('~')).toEqual([]);
  });

  it('stops alias bombs', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    expect(() => parse(bomb)).toThrow(/uses YAML aliases too heavily/);
  });

  it('refuses very deep nesting without crashing', () => {
    const deep = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(() => parse(deep)).toThrow(/nested too deeply/);
  });

  it('refuses enormous documents', () => {
    expect(() => parse(`Prompt: "${'x'.repeat(2 * 1024 * 1024)}"`)).toThrow(/limit is 1048576/);
  });

  it('refuses keys that are not names', () => {
    expect(() => parse('? [a, b]\n: c')).toThrow(/key that is not a name/);
  });
});

describe('contract display', () => {
  it('formats the contract table', () => {
    const table = formatContract(app);
    expect(table.split('\n')[0]).toBe('Inputs of "Sketch to Render":');
    expect(table).toMatch(/Input Images\s+image \(list\)\s+yes\s+image_input\s+93197f6b/);
  });

  it('builds a skeleton that parses back into a valid mapping', () => {
    const skeleton = inputsSkeleton(app);
    expect(skeleton.split('\n')[0]).toBe('inputs: |');
    const body = skeleton
      .split('\n')
      .slice(1)
      .map((line: string) => line.slice(2))
      .join('\n')
      .replace('""', 'auto');
    expect(build(body).inputs[RATIO]).toBe('auto');
  });
});
