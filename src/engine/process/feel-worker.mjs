// Evaluates FEEL expressions that may run long (loops, quantifiers, function definitions) for
// feel-sandbox.ts, in a worker with its own memory limit. One request at a time: the caller waits
// on `signal` and reads the reply from `replies` synchronously; it terminates this worker when a
// reply does not come within the time budget.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from 'feelin';

const signal = new Int32Array(workerData.signal);
const replies = workerData.replies;

parentPort.on('message', ({ expression, variables }) => {
  let reply;
  try {
    const value = evaluate(expression, variables).value;
    reply = { value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  replies.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});

Atomics.store(signal, 0, 2);
Atomics.notify(signal, 0);
