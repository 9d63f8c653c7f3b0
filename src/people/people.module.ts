import { Global, Module } from '@nestjs/common';
import { PeopleDirectory } from '../common/people-directory.js';
import { RoleUsages } from '../common/role-usages.js';
import { InactivePeople } from './inactive-people.js';
import { PeopleController } from './people.controller.js';
import { PeopleDirectoryService } from './people-directory.service.js';
import { PeopleService } from './people.service.js';
import { PeopleRepository } from './repositories/people.repository.js';
import { RolesRepository } from './repositories/roles.repository.js';
import { RolesController } from './roles.controller.js';
import { RolesService } from './roles.service.js';

/**
 * People and roles. Global: identity, tasks and notifications ask the directory who someone is and
 * who holds a role; modules that name roles register where with RoleUsages; the auth guard asks
 * InactivePeople whether the caller has been deactivated.
 */
@Global()
@Module({
  controllers: [RolesController, PeopleController],
  providers: [
    PeopleDirectoryService,
    { provide: PeopleDirectory, useExisting: PeopleDirectoryService },
    RoleUsages,
    InactivePeople,
    RolesService,
    PeopleService,
    PeopleRepository,
    RolesRepository,
  ],
  exports: [PeopleDirectory, RoleUsages, InactivePeople],
})
export class PeopleModule {}
