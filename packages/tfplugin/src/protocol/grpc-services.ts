import type { ServiceDefinition } from '@grpc/grpc-js';
import { SERVICES } from './generated/descriptors.js';
import { decodeMessage, encodeMessage } from './protobuf-codec.js';

/** A grpc-js service definition built from the precompiled descriptor table. */
export function serviceDefinition(serviceName: string): ServiceDefinition {
  const methods = SERVICES[serviceName];
  if (!methods) throw new Error(`unknown service ${serviceName}`);
  const def: Record<string, unknown> = {};
  for (const [method, [req, res, requestStream, responseStream]] of Object.entries(methods)) {
    def[method] = {
      path: `/${serviceName}/${method}`,
      requestStream,
      responseStream,
      requestSerialize: (value: Record<string, unknown>) => encodeMessage(req, value),
      requestDeserialize: (bytes: Buffer) => decodeMessage(req, bytes),
      responseSerialize: (value: Record<string, unknown>) => encodeMessage(res, value),
      responseDeserialize: (bytes: Buffer) => decodeMessage(res, bytes),
      originalName: method,
    };
  }
  return def as ServiceDefinition;
}
