// The app `cdktn synth` (or `cdktf synth`, same cdktf.json) runs: one stack per cluster.
// Run directly, it writes to $CDKTF_OUTDIR (what the CLI sets), else ./cdktf.out.
import { App } from 'cdktn';
import { DevelopmentStack, ProductionStack } from './cluster-stacks.js';

const app = new App();
new ProductionStack(app, 'production');
new DevelopmentStack(app, 'development');
app.synth();
