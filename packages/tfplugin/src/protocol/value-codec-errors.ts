// The errors a DynamicValue decode or encode raises, with the attribute path where it failed.

export class ValueDecodeError extends Error {
  readonly code = 'TFPLUGIN_VALUE_DECODE';
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(path.length ? `${message} at ${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}` : message);
    this.name = 'ValueDecodeError';
  }
}

export class ValueEncodeError extends Error {
  readonly code = 'TFPLUGIN_VALUE_ENCODE';
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(path.length ? `${message} at ${path.join('.')}` : message);
    this.name = 'ValueEncodeError';
  }
}
