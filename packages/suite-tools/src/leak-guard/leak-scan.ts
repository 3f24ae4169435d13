import { readdir, readFile, readlink } from 'node:fs/promises';

/** A live process, as a leak report shows it. */
export interface ProcessInfo {
  readonly pid: number;
  readonly command: string;
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return ''; // gone meanwhile, or not ours to read
  }
}

/**
 * Live processes (zombies excluded, this one excluded) whose command line, working directory or
 * environment mentions `marker`. A test file's processes all do: they inherit its TMPDIR, or run
 * in (or are given) a directory under it, PostgreSQL's helper processes included.
 */
export async function processesMentioning(marker: string): Promise<ProcessInfo[]> {
  const found: ProcessInfo[] = [];
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const stat = await readOrEmpty(`/proc/${pid}/stat`);
    // the state follows the parenthesised command name, which may itself hold spaces
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (stat === '' || state === 'Z') continue;
    const command = (await readOrEmpty(`/proc/${pid}/cmdline`)).split('\0').join(' ').trim();
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    const mentions = command.includes(marker) || cwd.startsWith(marker) || (await readOrEmpty(`/proc/${pid}/environ`)).includes(marker);
    if (mentions) found.push({ pid, command });
  }
  return found;
}

/** TCP ports this process listens on (IPv4 and IPv6). */
export async function listeningPortsOf(pid: number = process.pid): Promise<Set<number>> {
  const inodes = new Set<string>();
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const socket = /^socket:\[(\d+)\]$/.exec(target);
    if (socket?.[1]) inodes.add(socket[1]);
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of (await readOrEmpty(table)).split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      // local_address is cols[1] (HEXADDR:HEXPORT), st is cols[3] (0A = LISTEN), inode is cols[9]
      const [, local, , state, , , , , , inode] = cols;
      if (state !== '0A' || !local || !inode || !inodes.has(inode)) continue;
      ports.add(Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16));
    }
  }
  return ports;
}
