/**
 * On Windows, `child.kill('SIGINT')` or `'SIGTERM'` ends the child at once,
 * without running its handlers, and a test cannot send the Ctrl+C / Ctrl+Break
 * the runner uses there: the tests of the step's cancellation run on Linux and macOS.
 */
export const SIGNALS_REACH_CHILDREN = process.platform !== 'win32';
