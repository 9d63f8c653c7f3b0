import { Global, Module } from '@nestjs/common';
import { WorkerHost } from './worker-host.js';

/** The one host of every background worker (see background-worker.ts). */
@Global()
@Module({ providers: [WorkerHost], exports: [WorkerHost] })
export class WorkersModule {}
