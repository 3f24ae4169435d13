// Test-only ways to make the public front fail, so a test can provoke the 500 and 503 answers the
// document lists. Only the code that starts the server can set them: no request reaches them.
import type { PublicOperationId } from '@hikube/sdk/public';

export interface FrontFaults {
  /** Runs before a key is checked; a throw stands for a key store that cannot answer (503 10004). */
  keyCheck?: () => void;
  /** Runs once a request is authorized, before its operation; a throw is an internal failure (500). */
  operation?: (id: PublicOperationId) => void;
  /** Runs between reading a cluster and writing it back: a change made here is a real concurrent write (409). */
  beforeWrite?: () => Promise<void>;
}
