import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../common/paths.js';

export interface CatalogueControl {
  id: string;
  title: string;
  group: string;
  objective: string;
  /** Indicative EU AI Act mapping; null where the reference gives none. */
  euAiAct: { articles: string[]; theme: string } | null;
}

export interface CatalogueClause {
  id: string;
  clause: string;
  title: string;
}

interface CatalogueFile {
  standard: string;
  regulation: string;
  note: string;
  clauses: CatalogueClause[];
  controls: CatalogueControl[];
}

/** ISO/IEC 42001 clauses and the 38 Annex A controls, shipped as data (data/controls-catalogue.json). */
export class ControlsCatalogue {
  readonly byId: ReadonlyMap<string, CatalogueControl>;

  constructor(readonly data: CatalogueFile) {
    this.byId = new Map(data.controls.map((control) => [control.id, control]));
  }

  static load(file = fromProjectRoot('data/controls-catalogue.json')): ControlsCatalogue {
    return new ControlsCatalogue(JSON.parse(readFileSync(file, 'utf8')) as CatalogueFile);
  }

  get controls(): CatalogueControl[] {
    return this.data.controls;
  }
}
