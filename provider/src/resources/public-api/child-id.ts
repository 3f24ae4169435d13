// Databases and users live inside a cluster: their ID, and their import ID, is `<cluster>/<name>`.

export function childId(cluster: string, name: string): string {
  return `${cluster}/${name}`;
}

export function parseChildId(id: string, kind: 'database' | 'user'): { cluster: string; name: string } | { problem: string } {
  const parts = id.split('/');
  const [cluster, name] = parts;
  if (parts.length !== 2 || !cluster || !name)
    return { problem: `import ID "${id}" is not "<cluster>/<${kind}>": write it as e.g. "orders/${kind === 'database' ? 'shop' : 'app'}"` };
  return { cluster, name };
}
