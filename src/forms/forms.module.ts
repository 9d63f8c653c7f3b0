import { Global, Module } from '@nestjs/common';
import { FormRegistry } from '../common/form-registry.js';
import { FormsController } from './forms.controller.js';
import { FormsService } from './forms.service.js';
import { FormsRepository } from './repositories/forms.repository.js';

/** Camunda forms. Global for its contract alone (FormRegistry): deployment checks linked forms exist, a step binds new tasks to them. */
@Global()
@Module({
  controllers: [FormsController],
  providers: [FormsService, FormsRepository, { provide: FormRegistry, useExisting: FormsService }],
  exports: [FormRegistry],
})
export class FormsModule {}
