import { stringify } from 'yaml';
import type { Model, ModelRunRequest, ModelSetting, SettingValue } from '../armox/types.js';
import {
  checkImageUrls,
  closestName,
  describeValue,
  fold,
  formatTable,
  isEmpty,
  scalarText,
  gatherValues,
  suggestKey,
  type GivenValue,
  type KeyMatcher,
} from './inputs-check.js';
import type { InputsSource, Preparation } from './target.js';
import { printable } from '../core/text.js';

/** The keys of `input` that are not settings (as in the reference's example body). */
const PROMPT_KEY = 'prompt';
const IMAGES_KEY = 'image_input';

/** What a user's key can name: the prompt, the image list, or a setting. */
type Field =
  | { kind: 'prompt'; key: string; label: string; aliases: string[] }
  | { kind: 'images'; key: string; label: string; aliases: string[] }
  | { kind: 'setting'; key: string; label: string; aliases: string[]; setting: ModelSetting };

const NUMBER_TYPES = new Set(['number', 'integer', 'int', 'float', 'slider', 'range']);
const BOOLEAN_TYPES = new Set(['boolean', 'bool', 'switch', 'toggle', 'checkbox']);
const TEXT_TYPES = new Set(['text', 'textarea', 'string', 'select', 'dropdown']);

/** A prompt is taken when the model says `text` among its input types, requires one, or does not say. */
function takesPrompt(model: Model): boolean {
  return model.promptRequired || model.inputTypes === undefined || model.inputTypes.includes('text');
}

/** Images are taken when the model says `image` among its input types, or does not say. */
function takesImages(model: Model): boolean {
  return model.inputTypes === undefined || model.inputTypes.includes('image');
}

/** Images are required when they are all a model takes (`inputTypes: ["image"]`, an upscaler): it has nothing else to work on. */
function needsImages(model: Model): boolean {
  const types = model.inputTypes ?? [];
  return !takesPrompt(model) && types.length > 0 && types.every((type) => type === 'image');
}

/** `text, image`, or `none listed`: a model's input types, for messages. */
function inputTypesText(model: Model): string {
  return model.inputTypes?.length ? model.inputTypes.join(', ') : 'none listed';
}

function fields(model: Model): Field[] {
  const settings = model.settings.filter((s) => s.key !== PROMPT_KEY && s.key !== IMAGES_KEY);
  return [
    { kind: 'prompt', key: PROMPT_KEY, label: 'Prompt', aliases: [] },
    { kind: 'images', key: IMAGES_KEY, label: 'Images', aliases: ['image input', 'input images', 'image'] },
    ...settings.map((setting): Field => ({
      kind: 'setting',
      key: setting.key,
      label: setting.label,
      aliases: [],
      setting,
    })),
  ];
}

/** The fields a user may give this model (the ones the model does not take are left out). */
function offered(model: Model): Field[] {
  return fields(model).filter(
    (field) => (field.kind !== 'prompt' || takesPrompt(model)) && (field.kind !== 'images' || takesImages(model)),
  );
}

/** True when `key` names the model's image list (`image_input` or one of its aliases). */
export function isImagesKey(model: Model, key: string): boolean {
  return matchField(fields(model), key).some((field) => field.kind === 'images');
}

/** Exact key first; then key, label, alias, each case-insensitive. The first step that matches decides. */
function matchField(all: Field[], key: string): Field[] {
  const byKey = all.filter((field) => field.key === key);
  if (byKey.length > 0) return byKey;
  const wanted = fold(key);
  const steps: Array<(field: Field) => boolean> = [
    (field) => fold(field.key) === wanted,
    (field) => fold(field.label) === wanted,
    (field) => field.aliases.includes(wanted),
  ];
  for (const step of steps) {
    const found = all.filter(step);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Checks one run's inputs against the model: keys are `prompt`, `image_input` and
 * the settings (by key or label); later sources win. Every problem is collected.
 * The request is set only when there is none: `{model, input, webhook_url?}`, with
 * `input` flat, as the API expects. Settings not given are not sent (the API applies its defaults).
 */
export function prepareModelRun(model: Model, sources: InputsSource[], webhookUrl?: string): Preparation {
  const problems: string[] = [];
  const warnings: string[] = [];
  const given = gatherValues(sources, keyMatcher(model), problems);

  const input: Record<string, unknown> = {};
  /** Fields given with a problem: not also reported missing. */
  const refused = new Set<string>();
  for (const field of fields(model)) {
    const entry = given.get(field.key);
    if (!entry) continue;
    const before = problems.length;
    const value = checkField(model, field, entry, problems, warnings);
    if (problems.length > before) refused.add(field.key);
    else if (value !== undefined) input[field.key] = value;
  }
  const missing = (key: string) => input[key] === undefined && !refused.has(key);
  if (model.promptRequired && missing(PROMPT_KEY)) {
    problems.push(`missing the prompt: model ${model.id} requires one (key "${PROMPT_KEY}").`);
  }
  if (needsImages(model) && missing(IMAGES_KEY)) {
    problems.push(
      `missing the images: model ${model.id} takes only images (its input types: ${inputTypesText(model)}), ` +
        `so it needs at least one (key "${IMAGES_KEY}", a list of public image URLs).`,
    );
  }
  if (problems.length > 0) return { problems, warnings };
  const body: ModelRunRequest = { model: model.id, input, ...(webhookUrl ? { webhook_url: webhookUrl } : {}) };
  return { request: { body, inputs: input }, problems, warnings };
}

/** How the user's keys name this model's fields. */
function keyMatcher(model: Model): KeyMatcher<Field> {
  const all = fields(model);
  return {
    match: (key) => matchField(all, key),
    id: (field) => field.key,
    name: (field) => `"${field.key}"`,
    unknown: (key) => `unknown key "${printable(key)}".${unknownKeyHint(model, key)}`,
    ambiguous: (key, matches) =>
      `"${printable(key)}" matches ${matches.length} settings (${matches
        .map((m) => `${m.label} = ${m.key}`)
        .join(', ')}); use the setting's key.`,
  };
}

function unknownKeyHint(model: Model, key: string): string {
  const valid = offered(model);
  if (valid.length === 0) return ` Model ${model.id} takes no inputs.`;
  return suggestKey(
    key,
    valid.map((field) => field.key),
    valid.some((field) => field.kind === 'setting') ? " (or a setting's label)" : '',
    valid.flatMap((field) => [field.key, field.label]),
  );
}

/** The value to send for one field, or undefined (after noting a problem, unless simply empty). */
function checkField(
  model: Model,
  field: Field,
  given: GivenValue<Field>,
  problems: string[],
  warnings: string[],
): unknown {
  const { value, where } = given;
  if (field.kind === 'images') return checkImages(model, value, where, problems, warnings);
  if (isEmpty(value)) {
    if (field.kind === 'setting') warnings.push(`${where} is empty, so it is not sent: ${defaultNote(field.setting)}.`);
    return undefined;
  }
  if (field.kind === 'prompt') {
    if (!takesPrompt(model)) {
      problems.push(
        `${where}: model ${model.id} takes no prompt (its input types: ${inputTypesText(model)}); remove "${PROMPT_KEY}".`,
      );
      return undefined;
    }
    const text = scalarText(value);
    if (text === undefined) problems.push(`${where} must be text, got ${describeValue(value)}.`);
    return text;
  }
  return settingValue(field.setting, value, where, problems);
}

function defaultNote(setting: ModelSetting): string {
  return setting.defaultValue === undefined || setting.defaultValue === null
    ? "the model's default applies"
    : `the model's default (${printable(String(JSON.stringify(setting.defaultValue)))}) applies`;
}

/** `image_input`: one URL or a list of them, always sent as a list. Every bad image is reported. */
function checkImages(
  model: Model,
  value: unknown,
  where: string,
  problems: string[],
  warnings: string[],
): string[] | undefined {
  if (isEmpty(value)) return undefined;
  if (!takesImages(model)) {
    problems.push(
      `${where}: model ${model.id} takes no images (its input types: ${inputTypesText(model)}); remove "${IMAGES_KEY}".`,
    );
    return undefined;
  }
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const urls: string[] = [];
  let notText = false;
  list.forEach((item, index) => {
    if (typeof item !== 'string') {
      const which = Array.isArray(value) ? `image ${index + 1}` : 'the image';
      problems.push(`${where}: ${which} must be a URL string, got ${describeValue(item)}.`);
      notText = true;
    } else if (item.trim() !== '') urls.push(item.trim());
  });
  // Checked even after a bad item, so every problem of the list is reported at once.
  const urlsOk = checkImageUrls(urls, where, problems, warnings);
  return urlsOk && !notText && urls.length > 0 ? urls : undefined;
}

/**
 * A setting's value as the API wants it. With options listed: the option's own
 * value (matched exactly, else by value or label case-insensitively). Otherwise
 * by the setting's type (its `inputType`, else its default's type): numbers and
 * booleans as JSON numbers and booleans, text as text; an untyped setting gets
 * the value as written in YAML.
 */
function settingValue(setting: ModelSetting, value: unknown, where: string, problems: string[]): unknown {
  const text = scalarText(value);
  if (text === undefined) {
    problems.push(`${where} must be a single value (text, number or true/false), got ${describeValue(value)}.`);
    return undefined;
  }
  if (setting.options) return optionValue(setting, text, where, problems);
  const type = setting.inputType;
  const defaultType = typeof setting.defaultValue;
  if (NUMBER_TYPES.has(type) || (!TEXT_TYPES.has(type) && defaultType === 'number')) {
    const number = typeof value === 'number' ? value : text.trim() === '' ? NaN : Number(text);
    if (Number.isFinite(number)) return number;
    problems.push(`${where} must be a number, got "${printable(text)}".`);
    return undefined;
  }
  if (BOOLEAN_TYPES.has(type) || (!TEXT_TYPES.has(type) && defaultType === 'boolean')) {
    if (/^(true|false)$/i.test(text.trim())) return fold(text) === 'true';
    problems.push(`${where} must be true or false, got "${printable(text)}".`);
    return undefined;
  }
  if (TEXT_TYPES.has(type) || defaultType === 'string') return text;
  return typeof value === 'bigint' ? text : value;
}

function optionValue(setting: ModelSetting, text: string, where: string, problems: string[]): SettingValue | undefined {
  const options = setting.options ?? [];
  const wanted = fold(text);
  const found =
    options.find((option) => String(option.value) === text) ??
    options.find((option) => fold(String(option.value)) === wanted) ??
    options.find((option) => option.label !== undefined && fold(option.label) === wanted);
  if (found) return found.value;
  const names = options.map((option) => String(option.value));
  const close = closestName(text, names);
  problems.push(
    `${where}: "${printable(text)}" is not one of its options: ${names.map((n) => `"${printable(n)}"`).join(', ')}.` +
      (close ? ` Did you mean "${close}"?` : ''),
  );
  return undefined;
}

/** The model's contract as a text table (key, label, type, default, options), for errors and dry runs. */
export function formatModelContract(model: Model): string {
  const rows = offered(model).map((field) => {
    if (field.kind === 'prompt')
      return [field.key, field.label, model.promptRequired ? 'text, required' : 'text', '', ''];
    if (field.kind === 'images') {
      return [field.key, field.label, needsImages(model) ? 'image URLs (list), required' : 'image URLs (list)', '', ''];
    }
    const { setting } = field;
    return [setting.key, setting.label, setting.inputType, yamlValue(setting.defaultValue), optionsText(setting, 80)];
  });
  const price = model.cost === undefined ? 'price not listed' : `${model.cost} credits per run`;
  const about = [model.name, model.modality, price].filter(Boolean).join(', ');
  if (rows.length === 0) return `Model ${model.id} (${about}) takes no inputs.`;
  return formatTable(`Inputs of model ${model.id} (${about}):`, ['key', 'label', 'type', 'default', 'options'], rows);
}

function optionsText(setting: ModelSetting, max: number): string {
  const text = (setting.options ?? [])
    .map((option) => (option.label ? `${String(option.value)} (${option.label})` : String(option.value)))
    .join(', ');
  return printable(text, max).replace(/ \(\d+ characters\)$/, '');
}

/** A value as YAML writes it in one line (`1:1`, `"12"`, `true`); empty for no value. */
function yamlValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return printable(stringify(value, { flow: true }).trim());
}

/** A ready-to-paste `inputs:` block: the prompt, the images, and every setting at its default. */
export function modelInputsSkeleton(model: Model): string {
  const lines = offered(model).map((field) => {
    if (field.kind === 'prompt') return `  ${PROMPT_KEY}: ""  # ${model.promptRequired ? 'required' : 'optional'}`;
    if (field.kind === 'images') {
      const required = needsImages(model) ? 'required; ' : '';
      return `  ${IMAGES_KEY}: []  # ${required}list of public image URLs, e.g. [https://example.com/image.jpg]`;
    }
    const { setting } = field;
    const key = stringify(setting.key).trim();
    const notes = [setting.label !== setting.key ? setting.label : '', setting.inputType];
    if (setting.options) notes.push(`one of: ${optionsText(setting, 60)}`);
    const comment = notes.filter(Boolean).join('; ');
    // No default to show: commented out, so that pasting the block sends nothing for it.
    if (setting.defaultValue === undefined || setting.defaultValue === null) return `  # ${key}: ""  # ${comment}`;
    return `  ${key}: ${yamlValue(setting.defaultValue)}  # ${comment}`;
  });
  return ['inputs: |', ...(lines.length ? lines : ['  {}'])].join('\n');
}
