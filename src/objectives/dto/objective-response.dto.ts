import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/dto/page.dto.js';
import type { ObjectiveEntity, ObjectiveMeasurementEntity } from '../entities/objective.entity.js';
import { DIRECTIONS, OBJECTIVE_STATUSES } from './objective.dto.js';

export const TRENDS = ['improving', 'worsening', 'stable', 'insufficient-data'] as const;

export class MeasurementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 93.5 })
  value: number;

  @ApiProperty({ type: Date })
  measuredAt: Date;

  @ApiProperty({ type: String, nullable: true, example: 'sample of 200 decisions' })
  note: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'The objective-breach rules found a breach (null: not judged, no process)', example: true })
  breach: boolean | null;

  @ApiProperty({ type: String, nullable: true, enum: ['none', 'minor', 'major'], example: 'minor' })
  severity: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The nonconformity the breach raised' })
  nonconformityId: string | null;

  @ApiProperty({ example: 'mlflow' })
  recordedBy: string;
}

export class ObjectiveDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Screening accuracy' })
  title: string;

  @ApiProperty({ example: 'Share of shortlisting decisions confirmed by the recruiter' })
  measure: string;

  @ApiProperty({ example: '%' })
  unit: string;

  @ApiProperty({ example: 95 })
  target: number;

  @ApiProperty({ enum: DIRECTIONS, example: 'at-least' })
  direction: string;

  @ApiProperty({ example: 'P1M' })
  frequency: string;

  @ApiProperty({ example: 'olivia' })
  owner: string;

  @ApiProperty({ type: [String] })
  systemIds: string[];

  @ApiProperty({ type: [String], example: ['A.6.2.6'] })
  controlIds: string[];

  @ApiProperty({ enum: OBJECTIVE_STATUSES, example: 'active' })
  status: string;

  @ApiProperty({ type: Date, nullable: true, description: 'When the next measurement is due' })
  dueAt: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When a missing measurement was last reminded' })
  remindedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Its objective process instance' })
  instanceId: string | null;

  @ApiProperty({ type: [MeasurementDto], description: 'The series of measurements, oldest first' })
  series: MeasurementDto[];

  @ApiProperty({
    enum: TRENDS,
    description: 'The latest value against the mean of the (up to three) before it, in the objective’s direction; within 1 % of it: stable',
    example: 'worsening',
  })
  trend: string;

  @ApiProperty({ type: Date })
  createdAt: Date;

  @ApiProperty({ type: Date })
  updatedAt: Date;
}

export class ObjectivePageDto extends PageOf(ObjectiveDto) {}

/** Latest value against the mean of up to three before it; "better" follows the direction. */
export function trendOf(direction: string, values: number[]): string {
  if (values.length < 2) return 'insufficient-data';
  const latest = values[values.length - 1];
  const before = values.slice(-4, -1);
  const mean = before.reduce((a, b) => a + b, 0) / before.length;
  const change = latest - mean;
  if (Math.abs(change) <= Math.abs(mean) * 0.01) return 'stable';
  return change > 0 === (direction === 'at-least') ? 'improving' : 'worsening';
}

export function toMeasurementDto(m: ObjectiveMeasurementEntity): MeasurementDto {
  return {
    id: m.id,
    value: m.value,
    measuredAt: m.measuredAt,
    note: m.note,
    breach: m.breach,
    severity: m.severity,
    nonconformityId: m.nonconformityId,
    recordedBy: m.recordedBy,
  };
}

export function toObjectiveDto(o: ObjectiveEntity, series: ObjectiveMeasurementEntity[]): ObjectiveDto {
  return {
    id: o.id,
    title: o.title,
    measure: o.measure,
    unit: o.unit,
    target: o.target,
    direction: o.direction,
    frequency: o.frequency,
    owner: o.owner,
    systemIds: o.systemIds,
    controlIds: o.controlIds,
    status: o.status,
    dueAt: o.dueAt,
    remindedAt: o.remindedAt,
    instanceId: o.instanceId,
    series: series.map(toMeasurementDto),
    trend: trendOf(
      o.direction,
      series.map((m) => m.value),
    ),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
