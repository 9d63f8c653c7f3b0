import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { type DocumentBlock, type DocumentModel, footerLines } from '../document-model.js';

const MARGIN = 40;
const FOOTER_HEIGHT = 34;
const CELL_PAD = 3;
const BODY = 9;
const SMALL = 7.5;
/** A table cell longer than this is cut (a row must fit on one page); XLSX and DOCX keep the whole text. */
const MAX_CELL_CHARS = 1500;

const fit = (cell: string) => (cell.length > MAX_CELL_CHARS ? `${cell.slice(0, MAX_CELL_CHARS)}… (cut; the full text is in the XLSX/DOCX)` : cell);

/**
 * Lays a document out as PDF, written to `out` page by page as it is built (pdfkit streams; no page
 * is kept once written). Every page carries the verification footer and its number.
 */
export async function renderPdf(model: DocumentModel, out: Writable): Promise<void> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: model.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    info: { Title: model.title, Creator: 'aimsflow', CreationDate: model.generatedAt },
  });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    pdf.on('error', reject);
  });
  pdf.pipe(out);
  let pageNo = 0;
  const footer = footerLines(model);
  const drawFooter = () => {
    pageNo++;
    const { x, y } = pdf;
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const top = pdf.page.height - MARGIN - FOOTER_HEIGHT + 8;
    const width = pdf.page.width - 2 * MARGIN;
    pdf
      .moveTo(MARGIN, top - 4)
      .lineTo(MARGIN + width, top - 4)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    pdf.font('Helvetica').fontSize(6.5).fillColor('#555555');
    pdf.text(`${model.title} — page ${pageNo}`, MARGIN, top, { width, lineBreak: false });
    footer.forEach((line, i) => pdf.text(line, MARGIN, top + 8 * (i + 1), { width, lineBreak: false, ellipsis: true }));
    pdf.fillColor('#000000');
    pdf.page.margins.bottom = bottom;
    pdf.x = x;
    pdf.y = y;
  };
  pdf.on('pageAdded', drawFooter);
  drawFooter();

  pdf.font('Helvetica-Bold').fontSize(18).text(model.title);
  if (model.subtitle) pdf.font('Helvetica').fontSize(11).fillColor('#333333').text(model.subtitle).fillColor('#000000');
  pdf.moveDown(0.3);
  pdf.font('Helvetica').fontSize(SMALL).fillColor('#555555');
  for (const line of footer) pdf.text(line);
  pdf.fillColor('#000000').moveDown(0.8);

  for (const section of model.sections) {
    ensureSpace(pdf, 40);
    pdf.font('Helvetica-Bold').fontSize(12).text(section.heading, MARGIN);
    pdf.moveDown(0.3);
    for (const block of section.blocks) drawBlock(pdf, block);
    pdf.moveDown(0.6);
  }
  pdf.end();
  await done;
}

function contentWidth(pdf: PDFKit.PDFDocument): number {
  return pdf.page.width - 2 * MARGIN;
}

function bottomLimit(pdf: PDFKit.PDFDocument): number {
  return pdf.page.height - pdf.page.margins.bottom;
}

function ensureSpace(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > bottomLimit(pdf)) pdf.addPage();
}

function drawBlock(pdf: PDFKit.PDFDocument, block: DocumentBlock): void {
  if (block.type === 'paragraph') {
    pdf
      .font('Helvetica')
      .fontSize(BODY)
      .text(block.text, MARGIN, pdf.y, { width: contentWidth(pdf) });
    pdf.moveDown(0.4);
  } else if (block.type === 'fields') {
    drawTable(pdf, [1, 3], null, block.rows, true);
  } else {
    drawTable(
      pdf,
      block.columns.map((c) => c.width),
      block.columns.map((c) => c.header),
      block.rows,
    );
  }
}

/** A table whose rows grow to fit their text; a row never splits across pages, and the header repeats on each page. */
function drawTable(pdf: PDFKit.PDFDocument, weights: number[], headers: string[] | null, fullRows: string[][], labels = false): void {
  const rows = fullRows.map((row) => row.map(fit));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * contentWidth(pdf));
  const fontOf = (font: string, i: number) => (labels && i === 0 ? 'Helvetica-Bold' : font);
  const rowHeight = (cells: string[], font: string) =>
    Math.max(
      ...cells.map((cell, i) =>
        pdf
          .font(fontOf(font, i))
          .fontSize(SMALL)
          .heightOfString(cell, { width: widths[i] - 2 * CELL_PAD }),
      ),
    ) +
    2 * CELL_PAD;
  const drawRow = (cells: string[], font: string, fill?: string) => {
    const height = rowHeight(cells, font);
    const y = pdf.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      if (fill) pdf.rect(x, y, widths[i], height).fillColor(fill).fill();
      pdf.rect(x, y, widths[i], height).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
      pdf
        .font(fontOf(font, i))
        .fontSize(SMALL)
        .fillColor('#000000')
        .text(cell, x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
      x += widths[i];
    });
    pdf.x = MARGIN;
    pdf.y = y + height;
  };
  const header = () => headers && drawRow(headers, 'Helvetica-Bold', '#e8eef6');
  if (headers) ensureSpace(pdf, rowHeight(headers, 'Helvetica-Bold') + rowHeight(rows[0] ?? headers, 'Helvetica'));
  header();
  for (const row of rows) {
    const height = rowHeight(row, 'Helvetica');
    if (pdf.y + height > bottomLimit(pdf)) {
      pdf.addPage();
      header();
    }
    drawRow(row, 'Helvetica');
  }
  if (headers && rows.length === 0) drawRow(['(none)', ...headers.slice(1).map(() => '')], 'Helvetica-Oblique');
  pdf.moveDown(0.5);
}
