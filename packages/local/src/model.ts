// Public entry `@hikube/local/model`: the platform model as pure functions, for other packages'
// test doubles to derive from instead of keeping their own copy. Hikube Local's nodes and sites,
// the built-in SchedulingClasses and the placement of instances under them, and the API objects a
// cluster's observed state becomes (Pods, status detail, Services, credentials Secret/TenantSecret).
// Nothing here starts a process, opens a file or a socket.

export { LOCAL_NODES, NODES_PER_SITE, siteOfNode, type LocalNode } from './controllers/nodes.js';
export {
  builtinSchedulingClasses,
  chosenClassName,
  nodeOfInstance,
  resolvePlacement,
  SCHEDULING_CLASS_LABEL,
  siteOfInstance,
} from './controllers/placement.js';
export { SITES, SITE_NODE_PREFIX, type OwnedObject, type Placement, type Site } from './controllers/reconciler.js';
export {
  clusterBaseName,
  credentialsData,
  credentialsSecretName,
  INCARNATION_ANNOTATION,
  instanceName,
  instancePod,
  passwordsOf,
  PORT_ANNOTATION,
  statusDetail,
  workloadCount,
  type ClusterShape,
  type ObservedInstance,
  type StatusDetail,
  type UsersSpec,
} from './controllers/cluster-objects.js';
export { credentialsObjects, endpointService, endpointServices, type EndpointPorts } from './controllers/published-objects.js';
export { deterministicInstances, type DeterministicFacts } from './controllers/deterministic/deterministic-instances.js';
export type { WorkloadCount } from './controllers/release-status.js';
export type { KubeObject } from './store/kube-object.js';
