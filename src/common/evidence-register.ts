import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/** Current evidence linked to one record, and how many of those items have expired. */
export interface LinkedEvidence {
  count: number;
  expired: number;
}

/** A current evidence item as an index lists it (documents, audit packs). */
export interface EvidenceIndexEntry {
  id: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: Date;
  validUntil: Date | null;
}

/** An evidence item as an audit pack's index lists it: with its links and whether it was superseded. */
export interface PackedEvidence extends EvidenceIndexEntry {
  description: string;
  links: Array<{ kind: string; id: string }>;
  supersededBy: string | null;
}

/** The task a form's evidence is given for: evidence must be linked to its AI system (when it is about one) or to the task itself. */
export interface EvidenceTask {
  id: string;
  subjectType: string;
  subjectId: string;
}

/**
 * The evidence register as other modules see it (tasks, controls), provided by the evidence
 * module: they ask it about evidence and never touch its tables.
 */
export abstract class EvidenceRegister {
  /** Why each given id cannot serve as evidence of the task (unknown, superseded, linked elsewhere); empty when every one can. */
  abstract problemsAsTaskEvidence(m: EntityManager, ids: string[], task: EvidenceTask): Promise<Array<{ index: number; message: string }>>;
  /** Per Annex A control id: its current evidence and how much of it has expired (valid until before now, per the service clock). */
  abstract byControl(): Promise<Map<string, LinkedEvidence>>;
  /** Per target id of one link kind (`control`, `risk`, …): its current (not superseded) evidence, oldest first. */
  abstract indexByTarget(kind: string): Promise<Map<string, EvidenceIndexEntry[]>>;
  /**
   * A page of the items uploaded in [from, to) (superseded ones too: both are kept), only those
   * linked to one of `systemIds` when given; oldest first: the `limit` items after item `afterId`
   * (null: from the first), so that a pack of any size holds one page at a time.
   */
  abstract uploadedBetween(from: Date, to: Date, systemIds: string[], afterId: string | null, limit: number): Promise<PackedEvidence[]>;
  /** How many items `uploadedBetween` lists over all its pages. */
  abstract countUploadedBetween(from: Date, to: Date, systemIds: string[]): Promise<number>;
  /**
   * The whole content of each item, in order, each streamed as the consumer reads it; consume one
   * before taking the next. Chunks are read in batches across items, not one query per chunk.
   */
  abstract contentStreams(ids: string[]): AsyncGenerator<{ id: string; content: Readable }>;
}
