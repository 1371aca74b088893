import type { Model } from '../armox/types.js';
import { InputError } from '../core/errors.js';
import { closestName, fold, foldName, formatTable } from './inputs-check.js';
import { printable } from '../core/text.js';

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
