// Author API (framework layer).
export { serveProvider } from './framework/serve-provider.js';
export { definitions, type ProviderDefinition, type ConfigureRequest, type ConfigureResponse } from './framework/provider.js';
export type * from './framework/resource.js';
export { importById } from './framework/resource.js';
export type { DataSourceDefinition, DataSourceReadRequest, DataSourceReadResponse } from './framework/data-source.js';
export type * from './framework/ephemeral-resource.js';
export { attr, block, schema, types, SchemaDefinitionError } from './framework/schema.js';
export type {
  AttributeDef,
  AttributeOptions,
  BlockDef,
  BlockOptions,
  ModelOf,
  PlanModelOf,
  Planned,
  SchemaBody,
  SchemaDef,
  TypeOf,
  Nesting,
  BlockNesting,
} from './framework/schema.js';
export { Diagnostics, pathToString, type AttributePath, type Diagnostic, type PathStep, type Severity } from './framework/diagnostics.js';
export { between, lengthBetween, matches, oneOf, type Validator } from './framework/validators.js';
export {
  requiresReplace,
  requiresReplaceIf,
  useStateForUnknown,
  type PlanModifier,
  type PlanModifierRequest,
  type PlanModifierResponse,
} from './framework/plan-modifiers.js';
export { parseDuration, timeoutMs, timeoutsBlock, type TimeoutOperation } from './framework/timeouts.js';
export type { PrivateData } from './framework/private-state.js';
export { providerSchemaJson } from './framework/schema-json.js';
export { providerService } from './framework/provider-server.js';

// Values (protocol layer) that authors meet in models.
export {
  Dynamic,
  ExactNumber,
  Unknown,
  unknown,
  isUnknown,
  isWhollyKnown,
  valueEquals,
  type CtyNumber,
  type CtyValue,
  type Refinements,
} from './protocol/cty-value.js';
export {
  ctyBool,
  ctyDynamic,
  ctyList,
  ctyMap,
  ctyNumber,
  ctyObject,
  ctySet,
  ctyString,
  ctyTuple,
  typeFromJson,
  typeToJson,
  type CtyType,
} from './protocol/cty-type.js';
export { decodeMsgpack, encodeMsgpack } from './protocol/msgpack-codec.js';
export { ValueDecodeError, ValueEncodeError } from './protocol/value-codec-errors.js';
export { decodeJsonValue, parseJsonLossless, JsonValueError } from './protocol/json-codec.js';

// Protocol plumbing, for tools and tests.
export { runPluginProcess, type PluginProcessOptions } from './protocol/plugin-process.js';
export { startPluginServer, type PluginServerOptions, type RunningPlugin } from './protocol/plugin-server.js';
export { createLogger, levelFromEnv, type Logger, type LogLevel, type LogFields } from './protocol/logger.js';
export type * as protocol from './protocol/generated/messages.js';
