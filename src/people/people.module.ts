import { Global, Module } from '@nestjs/common';
import { PeopleDirectory } from '../common/people-directory.js';
import { PeopleDirectoryService } from './people-directory.service.js';
import { PeopleRepository } from './repositories/people.repository.js';
import { RolesRepository } from './repositories/roles.repository.js';

/** Global: identity, tasks and notifications ask the directory who someone is and who holds a role. */
@Global()
@Module({
  providers: [PeopleDirectoryService, PeopleRepository, RolesRepository, { provide: PeopleDirectory, useExisting: PeopleDirectoryService }],
  exports: [PeopleDirectory],
})
export class PeopleModule {}
