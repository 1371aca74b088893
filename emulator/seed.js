// @ts-check
/**
 * Seeded apps and models of the Armox emulator, with fixed ids so tests can
 * reference them.
 *
 * Definitions carry two kinds of fields: the public ones that `GET /apps` and
 * `GET /models` return (id, name, inputs, settings, ...) and emulator-only
 * ones (apps: `cost`, `outputs`, `plan`, `active`; models: `mode`, `outputs`,
 * `plan`, `active`) that are never sent to clients.
 */

/** @typedef {'pending' | 'processing' | 'completed' | 'failed' | 'cancelled'} JobStatus */
/** @typedef {'completed' | 'failed' | 'cancelled' | 'never'} JobOutcome */

/**
 * How a job progresses. By default each `GET /jobs/:id` of the job is one step;
 * with `completeAfterMs` the time since creation decides instead.
 * @typedef {object} JobPlan
 * @property {number} [pendingPolls] polls that report `pending` (default 0)
 * @property {number} [processingPolls] polls that then report `processing` (default 1)
 * @property {JobOutcome} [outcome] final state; `never` stays `processing` forever (default `completed`)
 * @property {string} [errorMessage] error_message of a `failed` job
 * @property {number} [completeAfterMs] time-based progression instead of poll-based
 */

/**
 * @typedef {object} AppInput
 * @property {string} id
 * @property {'image' | 'text'} type
 * @property {string} label
 * @property {boolean} required
 * @property {string} targetHandle
 * @property {boolean} [allowMultiple]
 */

/**
 * A file produced by an app output, served by the storage origin.
 * @typedef {object} OutputFile
 * @property {string} name file name; also the seed of its bytes (see `expectedFileBytes`)
 * @property {number} size bytes
 * @property {string} contentType
 * @property {string} [path] storage path override as it appears in the URL (default `/public/<job id prefix>/<encoded name>`)
 */

/**
 * One output key of one node. Value precedence: `value` (raw, for malformed
 * outputs) > `url` (literal) > `file` (storage URL) > `text`.
 * @typedef {object} AppOutput
 * @property {string} nodeId
 * @property {string} key e.g. outputImage, outputVideo, outputAudio, outputText
 * @property {OutputFile} [file]
 * @property {string} [text]
 * @property {string} [url] literal URL to report (the file, if any, is still registered)
 * @property {unknown} [value] raw value to report as-is
 */

/**
 * @typedef {object} AppDefinition
 * @property {string} id
 * @property {string} name
 * @property {string} [description]
 * @property {string | null} [icon]
 * @property {string | null} [thumbnail_url]
 * @property {boolean} [is_template]
 * @property {string | null} [brain_id]
 * @property {string[]} [tags]
 * @property {AppInput[]} inputs
 * @property {number} [cost] credits charged per run (default 100)
 * @property {AppOutput[]} [outputs] what a completed job reports in node_outputs
 * @property {JobPlan} [plan] overrides the emulator's default job plan for this app
 * @property {boolean} [active] false hides the app (list and run); default true
 */

/** Fixed ids of the seeded apps, their inputs and their output nodes. */
export const IDS = Object.freeze({
  sketchToRender: Object.freeze({
    app: 'cb2bbd2d-b538-4d34-a54e-a9158c2e0dbb',
    inputImages: '93197f6b-0180-4da1-ad4a-87890d2c7d4a',
    aspectRatio: 'ced4aa7b-a2a8-4b53-b9ea-1b3e7d9194b5',
    renderNode: '6fa95504-bf6c-44e6-bdda-c418903abc8c',
  }),
  posterCampaign: Object.freeze({
    app: '5e0c3a8f-7d21-4b6e-9f3a-2c81d4e6a001',
    prompt: '1a7f0c55-3b2e-4d8a-b6c1-90e2f4a7d101',
    style: '2b8e1d66-4c3f-4e9b-a7d2-81f3e5b8c202',
    referenceImages: '3c9f2e77-5d40-4fac-b8e3-72a4f6c9d303',
    posterNode: '7d1a4b88-6e51-4a0d-9c24-63b5a7dae404',
    teaserNode: '8e2b5c99-7f62-4b1e-8d35-54c6b8ebf505',
    voiceoverNode: '9f3c6daa-8073-4c2f-9e46-45d7c9fc0606',
    captionNode: 'a04d7ebb-9184-4d30-af57-36e8da0d1707',
  }),
  upscaleImage: Object.freeze({
    app: 'b15e8fcc-a295-4e41-b068-27f9eb1e2808',
    image: 'c26f90dd-b3a6-4f52-8179-18a0fc2f3909',
    upscaledNode: 'd370a1ee-c4b7-4063-928a-09b10d304a0a',
  }),
  privateVoiceClone: Object.freeze({
    app: 'e481b2ff-d5c8-4174-a39b-f0c21e415b0b',
    script: 'f592c300-e6d9-4285-b4ac-e1d32f526c0c',
    voiceSampleUrl: '06a3d411-f7ea-4396-85bd-d2e430637d0d',
    audioNode: '17b4e522-08fb-44a7-96ce-c3f541748e0e',
  }),
  productShot: Object.freeze({
    app: '28c5f633-190c-45b8-87df-b40652859f0f',
    productImage: '39d60744-2a1d-46c9-98e0-a51763960a10',
    background: '4ae71855-3b2e-47da-a9f1-962874a71b11',
    imageNode: '5bf82966-4c3f-48eb-8a02-873985b82c12',
  }),
  productShotV2: Object.freeze({
    app: '6c093a77-5d40-49fc-9b13-784a96c93d13',
    productImages: '7d1a4b88-6e51-4a0d-8c24-695ba7da4e14',
    background: '8e2b5c99-7f62-4b1e-9d35-5a6cb8eb5f15',
    imageNode: '9f3c6daa-8073-4c2f-ae46-4b7dc9fc6016',
    thumbnailNode: 'a04d7ebb-9184-4d30-bf57-3c8eda0d7117',
  }),
});

/**
 * Deep-freezes seed data so a test cannot mutate the shared constants by
 * accident (each emulator gets its own structuredClone copy).
 * @template T
 * @param {T} value
 * @returns {T}
 */
function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Exactly the example app of the Apps endpoint document. Cost 200. */
export const SKETCH_TO_RENDER = deepFreeze(
  /** @type {AppDefinition} */ ({
    id: IDS.sketchToRender.app,
    name: 'Sketch to Render',
    description: 'Convert sketches into photorealistic renders',
    icon: null,
    thumbnail_url: 'https://armox-storage.s3.us-west-2.amazonaws.com/public/thumbnails/sketch-to-render.jpg',
    is_template: true,
    brain_id: 'f53d5c9f-b91d-469c-9390-dd1552878255',
    tags: ['Photorealistic Render'],
    inputs: [
      {
        id: IDS.sketchToRender.inputImages,
        type: 'image',
        label: 'Input Images',
        required: true,
        targetHandle: 'image_input',
        allowMultiple: true,
      },
      {
        id: IDS.sketchToRender.aspectRatio,
        type: 'text',
        label: 'Aspect Ratio',
        required: true,
        targetHandle: 'aspect_ratio',
      },
    ],
    cost: 200,
    outputs: [
      {
        nodeId: IDS.sketchToRender.renderNode,
        key: 'outputImage',
        file: { name: 'render.jpeg', size: 200_000, contentType: 'image/jpeg' },
      },
    ],
  }),
);

/** Several output kinds (image, video, audio, text). Cost 1000. */
export const POSTER_CAMPAIGN = deepFreeze(
  /** @type {AppDefinition} */ ({
    id: IDS.posterCampaign.app,
    name: 'Poster Campaign',
    description: 'A poster, a teaser video, a voice-over and a caption from one prompt',
    icon: null,
    thumbnail_url: 'https://armox-storage.s3.us-west-2.amazonaws.com/public/thumbnails/poster-campaign.jpg',
    is_template: true,
    brain_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    tags: ['Marketing', 'Video'],
    inputs: [
      { id: IDS.posterCampaign.prompt, type: 'text', label: 'Prompt', required: true, targetHandle: 'prompt' },
      { id: IDS.posterCampaign.style, type: 'text', label: 'Style', required: false, targetHandle: 'style' },
      {
        id: IDS.posterCampaign.referenceImages,
        type: 'image',
        label: 'Reference Images',
        required: false,
        targetHandle: 'image_input',
        allowMultiple: true,
      },
    ],
    cost: 1000,
    outputs: [
      {
        nodeId: IDS.posterCampaign.posterNode,
        key: 'outputImage',
        file: { name: 'poster.png', size: 350_000, contentType: 'image/png' },
      },
      {
        nodeId: IDS.posterCampaign.teaserNode,
        key: 'outputVideo',
        file: { name: 'teaser.mp4', size: 1_000_000, contentType: 'video/mp4' },
      },
      {
        nodeId: IDS.posterCampaign.voiceoverNode,
        key: 'outputAudio',
        file: { name: 'voiceover.mp3', size: 240_000, contentType: 'audio/mpeg' },
      },
      { nodeId: IDS.posterCampaign.captionNode, key: 'outputText', text: 'a caption string' },
    ],
  }),
);

/** A single, non-multiple image input. Cost 50. */
export const UPSCALE_IMAGE = deepFreeze(
  /** @type {AppDefinition} */ ({
    id: IDS.upscaleImage.app,
    name: 'Upscale Image',
    description: 'Upscale an image 4x',
    icon: null,
    thumbnail_url: 'https://armox-storage.s3.us-west-2.amazonaws.com/public/thumbnails/upscale.jpg',
    is_template: true,
    brain_id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
    tags: ['Upscale'],
    inputs: [{ id: IDS.upscaleImage.image, type: 'image', label: 'Image', required: true, targetHandle: 'image' }],
    cost: 50,
    outputs: [
      {
        nodeId: IDS.upscaleImage.upscaledNode,
        key: 'outputImage',
        file: { name: 'upscaled.png', size: 500_000, contentType: 'image/png' },
      },
    ],
  }),
);

/** A private (non-template) app. Cost 300. */
export const PRIVATE_VOICE_CLONE = deepFreeze(
  /** @type {AppDefinition} */ ({
    id: IDS.privateVoiceClone.app,
    name: 'Private Voice Clone',
    description: 'Read a script in a cloned voice',
    icon: null,
    thumbnail_url: null,
    is_template: false,
    brain_id: 'c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f',
    tags: [],
    inputs: [
      { id: IDS.privateVoiceClone.script, type: 'text', label: 'Script', required: true, targetHandle: 'text' },
      {
        id: IDS.privateVoiceClone.voiceSampleUrl,
        type: 'text',
        label: 'Voice Sample URL',
        required: true,
        targetHandle: 'voice_sample',
      },
    ],
    cost: 300,
    outputs: [
      {
        nodeId: IDS.privateVoiceClone.audioNode,
        key: 'outputAudio',
        file: { name: 'voice.mp3', size: 180_000, contentType: 'audio/mpeg' },
      },
    ],
  }),
);

/** "Product Shot" and "product shot v2": names close enough to test name matching. */
export const PRODUCT_SHOT = deepFreeze(
  /** @type {AppDefinition} */ ({
    id: IDS.productShot.app,
    name: 'Product Shot',
    description: 'Studio product photo from a snapshot',
    icon: null,
    thumbnail_url: 'https://armox-storage.s3.us-west-2.amazonaws.com/public/thumbnails/product-shot.jpg',
    is_template: true,
    brain_id: 'd4e5f6a7-b8c9-4d0e-9f2a-3b4c5d6e7f80',
    tags: ['Product'],
    inputs: [
      {
        id: IDS.productShot.productImage,
        type: 'image',
        label: 'Product Image',
        required: true,
        targetHandle: 'image_input',
      },
      { id: IDS.productShot.background, type: 'text', label: 'Background', required: false, targetHandle: 'prompt' },
    ],
    cost: 100,
    outputs: [
      {
        nodeId: IDS.productShot.imageNode,
        key: 'outputImage',
        file: { name: 'product.png', size: 150_000, contentType: 'image/png' },
      },
    ],
  }),
);

export const PRODUCT_SHOT_V2 = deepFreeze(
  /** @type {AppDefinition} */ ({
    id: IDS.productShotV2.app,
    name: 'product shot v2',
    description: 'Product photos from several angles',
    icon: null,
    thumbnail_url: 'https://armox-storage.s3.us-west-2.amazonaws.com/public/thumbnails/product-shot-v2.jpg',
    is_template: true,
    brain_id: 'e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8091',
    tags: ['Product'],
    inputs: [
      {
        id: IDS.productShotV2.productImages,
        type: 'image',
        label: 'Product Images',
        required: true,
        targetHandle: 'image_input',
        allowMultiple: true,
      },
      { id: IDS.productShotV2.background, type: 'text', label: 'Background', required: false, targetHandle: 'prompt' },
    ],
    cost: 150,
    outputs: [
      {
        nodeId: IDS.productShotV2.imageNode,
        key: 'outputImage',
        file: { name: 'product-v2.png', size: 160_000, contentType: 'image/png' },
      },
      {
        nodeId: IDS.productShotV2.thumbnailNode,
        key: 'outputImage',
        file: { name: 'thumbnail.webp', size: 20_000, contentType: 'image/webp' },
      },
    ],
  }),
);

/** All seeded apps, in `GET /apps` order. */
export const SEEDED_APPS = deepFreeze([
  SKETCH_TO_RENDER,
  POSTER_CAMPAIGN,
  UPSCALE_IMAGE,
  PRIVATE_VOICE_CLONE,
  PRODUCT_SHOT,
  PRODUCT_SHOT_V2,
]);

// ------------------------------------------------------------------ models

/**
 * One setting of a model, as `GET /models` shows it. `options` (selects only)
 * is the emulator's guess at the undocumented field name.
 * @typedef {object} ModelSetting
 * @property {string} key the key to send in the run's `input`
 * @property {string} label
 * @property {string} inputType e.g. select, number, text
 * @property {unknown} defaultValue
 * @property {string[]} [options] allowed values of a select
 */

/**
 * One key of a model job's flat output (`{ outputImage: url }`): the same
 * value rules as an app output, without a node.
 * @typedef {object} ModelOutput
 * @property {string} key e.g. outputImage, outputVideo, outputText
 * @property {OutputFile} [file]
 * @property {string} [text]
 * @property {string} [url]
 * @property {unknown} [value]
 */

/**
 * A model. Public fields are what `GET /models` returns; `outputs`, `mode`,
 * `plan` and `active` are emulator-only.
 * @typedef {object} ModelDefinition
 * @property {string} id e.g. google/nano-banana
 * @property {string} name
 * @property {string} modality image, video, audio, text, 3d
 * @property {number} cost credits per run
 * @property {string[]} inputTypes 'text' (a prompt) and/or 'image' (image_input)
 * @property {boolean} promptRequired
 * @property {string} outputType
 * @property {string} [description]
 * @property {ModelSetting[]} settings
 * @property {'sync' | 'async'} [mode] sync: 200 with the finished job; async: 202, then polled (default: async for video, audio and 3d)
 * @property {ModelOutput[]} [outputs] what a completed job reports
 * @property {JobPlan} [plan] async models: overrides the emulator's default job plan
 * @property {boolean} [active] false hides the model (list and run); default true
 */

/**
 * How a model answers `POST /models/run`: `sync` (200, finished) or `async`
 * (202, then polled). Video, audio and 3D models are async unless they say otherwise.
 * @param {ModelDefinition} model
 * @returns {'sync' | 'async'}
 */
export function modelMode(model) {
  return model.mode ?? (['video', 'audio', '3d'].includes(model.modality) ? 'async' : 'sync');
}

/** Ids of the seeded models. */
export const MODEL_IDS = Object.freeze({
  nanoBanana: 'google/nano-banana',
  kling: 'kwaivgi/kling-v2.1',
  gpt5Mini: 'openai/gpt-5-mini',
  upscaler: 'nightmareai/real-esrgan',
});

/** The documented example model, with `output_format` from the run example. Sync, cost 70. */
export const NANO_BANANA = deepFreeze(
  /** @type {ModelDefinition} */ ({
    id: MODEL_IDS.nanoBanana,
    name: 'Nano Banana',
    modality: 'image',
    cost: 70,
    inputTypes: ['text', 'image'],
    promptRequired: true,
    outputType: 'image',
    description: 'Google image generation and editing model',
    settings: [
      {
        key: 'aspect_ratio',
        label: 'Aspect Ratio',
        inputType: 'select',
        defaultValue: '1:1',
        options: ['1:1', '16:9', '9:16', '4:3', '3:4', 'match_input_image'],
      },
      {
        key: 'output_format',
        label: 'Output Format',
        inputType: 'select',
        defaultValue: 'png',
        options: ['png', 'jpg'],
      },
    ],
    mode: 'sync',
    outputs: [{ key: 'outputImage', file: { name: 'nano-banana.png', size: 120_000, contentType: 'image/png' } }],
  }),
);

/** A video model: 202, then completes like an app job. Cost 400. */
export const KLING = deepFreeze(
  /** @type {ModelDefinition} */ ({
    id: MODEL_IDS.kling,
    name: 'Kling 2.1',
    modality: 'video',
    cost: 400,
    inputTypes: ['text', 'image'],
    promptRequired: true,
    outputType: 'video',
    description: 'Video generation from a prompt and an optional start frame',
    settings: [
      { key: 'duration', label: 'Duration', inputType: 'select', defaultValue: '5', options: ['5', '10'] },
      {
        key: 'aspect_ratio',
        label: 'Aspect Ratio',
        inputType: 'select',
        defaultValue: '16:9',
        options: ['16:9', '9:16', '1:1'],
      },
    ],
    mode: 'async',
    outputs: [{ key: 'outputVideo', file: { name: 'kling.mp4', size: 600_000, contentType: 'video/mp4' } }],
  }),
);

/** A text model: 200 with a text output. Cost 5. */
export const GPT_5_MINI = deepFreeze(
  /** @type {ModelDefinition} */ ({
    id: MODEL_IDS.gpt5Mini,
    name: 'GPT-5 mini',
    modality: 'text',
    cost: 5,
    inputTypes: ['text'],
    promptRequired: true,
    outputType: 'text',
    description: 'Fast, low-cost text model',
    settings: [
      {
        key: 'reasoning_effort',
        label: 'Reasoning Effort',
        inputType: 'select',
        defaultValue: 'minimal',
        options: ['minimal', 'low', 'medium', 'high'],
      },
      { key: 'max_completion_tokens', label: 'Max Tokens', inputType: 'number', defaultValue: 1024 },
    ],
    mode: 'sync',
    outputs: [{ key: 'outputText', text: 'Release v1.2.0 brings faster renders and a new poster style.' }],
  }),
);

/** Image in, image out, no prompt. Sync, cost 20. */
export const REAL_ESRGAN = deepFreeze(
  /** @type {ModelDefinition} */ ({
    id: MODEL_IDS.upscaler,
    name: 'Real-ESRGAN',
    modality: 'image',
    cost: 20,
    inputTypes: ['image'],
    promptRequired: false,
    outputType: 'image',
    description: 'Image upscaling',
    settings: [{ key: 'scale', label: 'Scale', inputType: 'select', defaultValue: '4', options: ['2', '4'] }],
    mode: 'sync',
    outputs: [{ key: 'outputImage', file: { name: 'upscaled-x4.png', size: 300_000, contentType: 'image/png' } }],
  }),
);

/** All seeded models, in `GET /models` order. */
export const SEEDED_MODELS = deepFreeze([NANO_BANANA, KLING, GPT_5_MINI, REAL_ESRGAN]);
