import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type supertest from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';

/** Collects a binary response body as a Buffer (supertest buffers text only by default). */
export function binary(req: supertest.Test): supertest.Test {
  return req.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

/** The text of every page of a PDF, pages joined by newlines. */
export async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

/** Every sheet of a workbook as rows of cell texts. */
export async function xlsxSheets(body: Buffer): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheets = new Map<string, string[][]>();
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** The paragraphs of a DOCX (body and footers), each the text of its runs. */
export async function docxParagraphs(body: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(body);
  const parts = Object.keys(zip.files).filter((name) => /^word\/(document|footer\d*)\.xml$/.test(name));
  const paragraphs: string[] = [];
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string');
    for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      if (text)
        paragraphs.push(
          text
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'"),
        );
    }
  }
  return paragraphs;
}
