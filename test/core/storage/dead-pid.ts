import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** The pid of a process that has exited (and been reaped), for planting stale locks and temp files. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  if (child.pid === undefined) throw new Error('the child process got no pid');
  return child.pid;
}
