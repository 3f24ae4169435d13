// Test support: the real `terraform validate` on one synthesized stack, with the provider
// installed through dev_overrides, so every argument is checked against the provider's schema.
import { TerraformWorkspace, type Diagnostic } from '@hikube/testkit';
import { findProviderBuild } from './provider-executable.js';

export interface StackValidation {
  valid: boolean;
  errors: Diagnostic[];
}

export async function validateStack(stackJson: string): Promise<StackValidation> {
  const { executable } = await findProviderBuild();
  const workspace = await TerraformWorkspace.create({
    files: { 'cdk.tf.json': stackJson },
    providers: [{ source: 'hikube/hikube', executable, install: 'dev-overrides' }],
    logLevel: 'OFF',
  });
  let result: StackValidation | undefined;
  try {
    const { validation } = await workspace.validate({ check: false });
    result = { valid: validation.valid, errors: validation.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') };
    return result;
  } finally {
    // An invalid stack keeps its workspace for a look (HIKUBE_KEEP_TMP=1).
    await workspace.dispose({ failed: result?.valid !== true });
  }
}
