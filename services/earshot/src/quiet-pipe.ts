// `earshot search … | head` closes the pipe early: the next write fails with EPIPE, which is not an
// error for a command line tool (the reader has what it wanted). End quietly instead of printing a
// stack trace; any other output error still surfaces.
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => never): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exit(0);
    throw err;
  });
}
