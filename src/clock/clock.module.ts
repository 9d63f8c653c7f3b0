import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { Clock, ManualClock, SystemClock } from './clock.js';

@Global()
@Module({
  providers: [
    {
      provide: Clock,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => (config.get('clock', { infer: true }) === 'manual' ? new ManualClock() : new SystemClock()),
    },
  ],
  exports: [Clock],
})
export class ClockModule {}
