// Test support only, loaded into an `earshot` child with NODE_OPTIONS=--import: on SIGUSR2 it
// leaves a promise rejection unhandled, so a test can provoke the fatal-error path of a real process
// at a moment it chooses (after /health answers). Never loaded by production code.
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('rejection provoked by the test (SIGUSR2)'));
});
