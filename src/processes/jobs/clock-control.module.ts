import { type DynamicModule, Module } from '@nestjs/common';
import { ProcessesModule } from '../processes.module.js';
import { ClockController } from './clock.controller.js';

/** POST /clock/advance, registered only when the clock is manual: otherwise the route does not exist. */
@Module({})
export class ClockControlModule {
  static register(manualClock: boolean): DynamicModule {
    return { module: ClockControlModule, imports: [ProcessesModule], controllers: manualClock ? [ClockController] : [] };
  }
}
