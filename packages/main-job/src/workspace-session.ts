// One of the two examples npm start applies, with what differs between them: the provider's
// environment, the progress line, the report and where the failover demo writes.
import type { IacTool } from './find-iac-tool.js';
import type { ExampleWorkspaceName } from './main-job-options.js';
import type { TerraformWorkdir } from './terraform-workdir.js';

/** Where the failover demo writes, as the example's user connects. */
export interface WriteTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** The CA to verify the server with (TLS); none for the internal endpoints. */
  ca?: string;
  /** How the output names the endpoint: `rw 127.0.0.1:41234`, `host 127.0.0.2:5432 (TLS)`. */
  label: string;
}

export interface WorkspaceSession {
  readonly name: ExampleWorkspaceName;
  /** `examples/terraform/public-api`: how messages name the example. */
  readonly label: string;
  readonly exampleDir: string;
  /** What the provider reads: HIKUBE_* for the public API, KUBECONFIG for Cozystack. */
  readonly terraformEnv: Readonly<Record<string, string>>;
  /** The cluster whose primary npm run failover kills. */
  readonly failoverCluster: string;
  /** One short line while Terraform waits: `store provisioning`. */
  progress(): Promise<string>;
  /** Resolves once the platform has settled what apply asked for (apply may return while users are still being applied). */
  settle(): Promise<void>;
  /** The clusters and how to connect, after apply. */
  report(workdir: TerraformWorkdir, tool: IacTool): Promise<string[]>;
  failoverTarget(workdir: TerraformWorkdir): Promise<WriteTarget>;
  close(): Promise<void>;
}
