import { TimeSlices } from './time-slices.js';

describe('TimeSlices', () => {
  it('yields to the event loop only once a slice of work has run, then starts a new slice', async () => {
    let now = 0;
    const slices = new TimeSlices(10, () => now);
    now = 9;
    expect(await slices.yieldIfDue()).toBe(false);

    // Work queued behind the loop (as a timer or an I/O callback would be) runs during the yield.
    let served = false;
    setImmediate(() => (served = true));
    now = 10;
    expect(await slices.yieldIfDue()).toBe(true);
    expect(served).toBe(true);

    now = 15;
    expect(await slices.yieldIfDue()).toBe(false);
    now = 20;
    expect(await slices.yieldIfDue()).toBe(true);
  });
});
