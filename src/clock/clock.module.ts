import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { Clock, ManualClock, SystemClock } from './clock.js';
import { ManualClockRepository } from './repositories/manual-clock.repository.js';

/** The service's clock: the system's, or a manual one kept in the database (AIMSFLOW_CLOCK=manual). */
@Global()
@Module({
  providers: [
    ManualClockRepository,
    {
      provide: Clock,
      inject: [ConfigService, Database, ManualClockRepository],
      useFactory: async (config: ConfigService<AppConfig, true>, db: Database, stored: ManualClockRepository) => {
        if (config.get('clock', { infer: true }) !== 'manual') return new SystemClock();
        const clock = new ManualClock((await stored.load(db.manager)) ?? new Date(), (at) => stored.save(db.manager, at));
        await clock.moveTo(clock.now());
        return clock;
      },
    },
  ],
  exports: [Clock],
})
export class ClockModule {}
