/**
 * Whether a process with this pid exists (signal 0 checks without signalling): scratch files named after their
 * builder's pid are left alone while it may still be writing them, and removed once it is gone.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
