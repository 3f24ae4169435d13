// Finalizers Hikube Local itself manages.

/** Added to every Postgres at creation so deletion waits for the reconciler's cleanup. */
export const POSTGRES_FINALIZER = 'local.hikube.io/cleanup';
