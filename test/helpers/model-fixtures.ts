/** Models as `GET /models` lists them (see shared/armox-api/models.md), for tests that need one. */

/** The reference's image model, with its settings' options under `options`. */
export const NANO_BANANA = {
  id: 'google/nano-banana',
  name: 'Nano Banana',
  modality: 'image',
  cost: 70,
  inputTypes: ['text', 'image'],
  promptRequired: true,
  outputType: 'image',
  description: 'Google image generation and editing model',
  settings: [
    { key: 'aspect_ratio', label: 'Aspect Ratio', inputType: 'select', defaultValue: '1:1', options: ['1:1', '16:9'] },
    { key: 'output_format', label: 'Output Format', inputType: 'select', defaultValue: 'png', options: ['png', 'jpg'] },
  ],
};
