// Building what a provider registry serves: single executables per platform, their zips, hashes,
// SHA256SUMS, manifest and mirrors.
export {
  RELEASE_TARGETS,
  hostTarget,
  parseTarget,
  terraformPlatformOf,
  nodePackageOf,
  type ReleaseTarget,
  type TargetOs,
  type TargetArch,
} from './release-targets.js';
export { nodeRuntimeFor, runtimeVersion, NodeRuntimeUnavailable } from './node-runtime.js';
export { buildSingleExecutable, unbuildableReason, type SingleExecutableOptions } from './single-executable.js';
export { writeReleaseLayout, type ProviderIdentity, type BuiltExecutable, type PublishedArchive, type ReleaseLayout } from './registry-layout.js';
export { packageHashV1, zipHash } from './provider-hashes.js';
export { writeZip, type ZipEntry } from './zip-archive.js';
