import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type DocumentModel, footerLines } from '../document-model.js';

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base} ${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Lays a document out as a workbook with exceljs' streaming writer (rows are written out as they
 * are committed): a first sheet with the title, the generation details, the verification and the
 * fields and paragraphs; then one sheet per table, with a frozen, filterable header row.
 */
export async function renderXlsx(model: DocumentModel, out: Writable): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'aimsflow';
  book.created = model.generatedAt;
  const used = new Set<string>();
  const about = book.addWorksheet(sheetName('Document', used));
  about.columns = [{ width: 34 }, { width: 110 }];
  about.addRow([model.title]).font = { bold: true, size: 14 };
  if (model.subtitle) about.addRow([model.subtitle]);
  for (const line of footerLines(model)) about.addRow([line]);
  about.addRow(['Content SHA-256', model.verification.contentHash]);
  about.addRow(['Audit chain head', model.verification.auditHead ? `#${model.verification.auditHead.seq} ${model.verification.auditHead.hash}` : 'none']);
  for (const section of model.sections) {
    const heading = about.addRow([section.heading]);
    heading.font = { bold: true };
    for (const block of section.blocks) {
      if (block.type === 'paragraph') about.addRow(['', block.text]).alignment = { wrapText: true, vertical: 'top' };
      else if (block.type === 'fields') for (const [label, value] of block.rows) about.addRow([label, value]).alignment = { wrapText: true, vertical: 'top' };
      else about.addRow(['', `See sheet "${block.name}" (${block.rows.length} rows)`]);
    }
  }
  about.commit();
  for (const block of model.sections.flatMap((s) => s.blocks)) {
    if (block.type !== 'table') continue;
    const sheet = book.addWorksheet(sheetName(block.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = block.columns.map((c) => ({ header: c.header, width: Math.max(8, Math.min(80, c.width * 6)) }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: block.columns.length } };
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    for (const row of block.rows) {
      const added = sheet.addRow(row);
      added.alignment = { wrapText: true, vertical: 'top' };
      added.commit();
    }
    sheet.commit();
  }
  await book.commit();
}
