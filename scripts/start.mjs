// The main job. Until Hikube Local and the provider land, it says what it will do.
const steps = [
  'start Hikube Local (a local, Kubernetes-compatible control plane) or reuse a running one',
  'apply examples/terraform (3 replicas, one synchronous standby, three sites) with terraform',
  'print each instance with its site, role, replication state and lag, the endpoints and how to connect',
];
console.log('npm start will:');
for (const [i, step] of steps.entries()) console.log(`  ${i + 1}. ${step}`);
console.log('\nThese pieces are being built; see the open issues. Nothing was started.');
