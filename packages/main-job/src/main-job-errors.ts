/** Every failure the main job reports as one clear message (no stack), with a stable code. */
export class MainJobError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MainJobError';
    this.code = code;
  }
}

/** A command-line argument or environment setting the main job cannot use. */
export class MainJobInputError extends MainJobError {
  constructor(field: string, message: string) {
    super('HIKUBE_MAIN_JOB_INPUT', `${field}: ${message}`);
    this.name = 'MainJobInputError';
  }
}
