export { runPluginProcess, type PluginProcessOptions } from './protocol/plugin-process.js';
export { startPluginServer, type PluginServerOptions, type RunningPlugin } from './protocol/plugin-server.js';
export { createLogger, levelFromEnv, type Logger, type LogLevel, type LogFields } from './protocol/logger.js';
export type * as protocol from './protocol/generated/messages.js';
