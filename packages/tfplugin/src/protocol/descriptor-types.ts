/** Wire kinds the protobuf codec understands; `map` keys are always strings in our protos. */
export type FieldKind = 'string' | 'bytes' | 'bool' | 'int64' | 'uint32' | 'int32' | 'enum' | 'message' | 'map';

/** Field flags: 1 repeated, 2 proto3 `optional` (explicit presence), 4 member of a oneof. */
export type FieldRow = readonly [number: number, name: string, kind: FieldKind, flags: number, ref?: string];

export type MessageTable = Readonly<Record<string, readonly FieldRow[]>>;

/** [request type, response type, client streaming, server streaming] */
export type MethodRow = readonly [string, string, boolean, boolean];

export type ServiceTable = Readonly<Record<string, Readonly<Record<string, MethodRow>>>>;
