// Store failures with stable codes; api/ maps them to Kubernetes Status objects.

class StoreError extends Error {
  constructor(
    readonly code: 'HIKUBE_LOCAL_NOT_FOUND' | 'HIKUBE_LOCAL_ALREADY_EXISTS' | 'HIKUBE_LOCAL_CONFLICT' | 'HIKUBE_LOCAL_GONE',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export class NotFoundError extends StoreError {
  constructor(message: string) {
    super('HIKUBE_LOCAL_NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export class AlreadyExistsError extends StoreError {
  constructor(message: string) {
    super('HIKUBE_LOCAL_ALREADY_EXISTS', message);
    this.name = 'AlreadyExistsError';
  }
}

/** A resourceVersion precondition failed. */
export class ConflictError extends StoreError {
  constructor(message: string) {
    super('HIKUBE_LOCAL_CONFLICT', message);
    this.name = 'ConflictError';
  }
}

/** A watch asked for a resourceVersion older than the kept history. */
export class GoneError extends StoreError {
  constructor(message: string) {
    super('HIKUBE_LOCAL_GONE', message);
    this.name = 'GoneError';
  }
}
