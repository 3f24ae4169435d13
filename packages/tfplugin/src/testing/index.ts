export { ProviderClient, ProviderClientError, type LaunchOptions, type ProcessExit } from './provider-client.js';
export { parseHandshakeLine, type ParsedHandshake } from '../protocol/handshake.js';
