import type { Model, ModelSetting, SettingOption, SettingValue } from '../armox/types.js';
import { ApiError, InputError } from '../core/errors.js';
import { closestName, fold, foldName, formatTable } from './inputs-check.js';
import { isObject, printable } from '../core/text.js';

/**
 * Where a setting's choices may be: the reference shows none, so its field name
 * is not known. `options` first; the others are common spellings.
 */
const OPTION_FIELDS = ['options', 'values', 'choices'] as const;

/** Reads `GET /models`, keeping what the action relies on and skipping entries it cannot use. */
export function parseModelList(body: unknown): Model[] {
  const data = isObject(body) ? body.data : undefined;
  if (!Array.isArray(data)) {
    throw new ApiError(
      'GET /models failed: the API sent a body without a "data" list of models.',
      'GET /models',
      undefined,
      true,
    );
  }
  return data.flatMap((item) => {
    const model = parseModel(item);
    return model ? [model] : [];
  });
}

function parseModel(item: unknown): Model | undefined {
  if (!isObject(item) || typeof item.id !== 'string' || item.id.trim() === '') return undefined;
  const settings: ModelSetting[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(item.settings) ? item.settings : []) {
    const setting = parseSetting(entry);
    // Two settings under one key could not both be sent: keep the first.
    if (setting && !seen.has(setting.key)) {
      seen.add(setting.key);
      settings.push(setting);
    }
  }
  const inputTypes = Array.isArray(item.inputTypes)
    ? item.inputTypes.filter((type): type is string => typeof type === 'string').map((type) => type.toLowerCase())
    : undefined;
  return {
    id: item.id,
    name: nonEmptyString(item.name) ?? item.id,
    modality: nonEmptyString(item.modality) ?? '',
    cost: typeof item.cost === 'number' && Number.isFinite(item.cost) && item.cost >= 0 ? item.cost : undefined,
    inputTypes,
    promptRequired: item.promptRequired === true,
    outputType: nonEmptyString(item.outputType),
    description: nonEmptyString(item.description),
    settings,
  };
}

function parseSetting(entry: unknown): ModelSetting | undefined {
  if (!isObject(entry)) return undefined;
  const key = nonEmptyString(entry.key);
  if (key === undefined) return undefined;
  const field = OPTION_FIELDS.find((name) => Array.isArray(entry[name]));
  const options = field ? parseOptions(entry[field] as unknown[]) : undefined;
  return {
    key,
    label: nonEmptyString(entry.label) ?? key,
    inputType: nonEmptyString(entry.inputType)?.toLowerCase() ?? (options ? 'select' : 'text'),
    defaultValue: entry.defaultValue ?? undefined,
    // An empty or unreadable list says nothing about what is allowed: no check then.
    options: options && options.length > 0 ? options : undefined,
  };
}

/** Options as plain values (`"1:1"`) or objects (`{value: "1:1", label: "Square"}`). */
function parseOptions(list: unknown[]): SettingOption[] {
  const options: SettingOption[] = [];
  for (const item of list) {
    if (isSettingValue(item)) {
      options.push({ value: item });
    } else if (isObject(item) && isSettingValue(item.value)) {
      const label = nonEmptyString(item.label) ?? nonEmptyString(item.name);
      options.push(
        label !== undefined && label !== String(item.value) ? { value: item.value, label } : { value: item.value },
      );
    }
  }
  return options;
}

function isSettingValue(value: unknown): value is SettingValue {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Finds the model by exact id, or by name (case-insensitive); errors list the models the key can see. */
export function resolveModel(models: Model[], wanted: string): Model {
  const byId = models.find((model) => model.id === wanted.trim());
  if (byId) return byId;
  const name = foldName(wanted);
  const matches = models.filter((model) => foldName(model.name) === name);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new InputError(
      `model "${printable(wanted)}" matches ${matches.length} models by name; give the model's id instead.\n${listModels(matches)}`,
    );
  }
  // Case is the usual slip in an id (`Google/Nano-Banana`).
  const close =
    models.find((model) => fold(model.id) === fold(wanted))?.id ??
    closestName(
      wanted,
      models.map((model) => model.id),
    ) ??
    closestName(
      wanted,
      models.map((model) => model.name),
    );
  const hint = close ? ` Did you mean "${close}"?` : '';
  throw new InputError(
    `model "${printable(wanted)}" is not the id or the name of a model this API key can use.${hint}\n${listModels(models)}`,
  );
}

/** The models as a table (id, name, modality, cost), for errors. */
export function listModels(models: Model[]): string {
  if (models.length === 0) {
    return 'This API key sees no models (check that the key belongs to the right Armox account).';
  }
  const rows = models.map((model) => [
    model.id,
    model.name,
    model.modality,
    model.cost === undefined ? '?' : String(model.cost),
  ]);
  return formatTable('Models available:', ['id', 'name', 'modality', 'cost'], rows);
}
