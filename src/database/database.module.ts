import { Global, Module } from '@nestjs/common';
import { Database } from './database.js';

/** The transaction runner, for every module. */
@Global()
@Module({ providers: [Database], exports: [Database] })
export class DatabaseModule {}
