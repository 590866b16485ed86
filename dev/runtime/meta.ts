// What an .xlsx cannot hold — sheet ids, real sheet names, protections with
// their descriptions and warning-only flag, document and user properties,
// the time zone, embedded charts (exceljs cannot write them) and the
// project's triggers — kept as JSON in a veryHidden worksheet.
import type { Worksheet } from 'exceljs';
import * as z from '../../src/domain/zod';

export const META_SHEET = '_appsscript';

const rectSchema = z.object({
  row: z.int(),
  column: z.int(),
  numRows: z.int(),
  numColumns: z.int(),
});

const chartSchema = z.object({
  id: z.int(),
  type: z.string(),
  ranges: z.array(z.object({ sheetId: z.int(), ...rectSchema.shape })),
  position: z.object({ row: z.int(), column: z.int(), offsetX: z.int(), offsetY: z.int() }),
  options: z.record(z.string(), z.unknown()),
  numHeaders: z.int(),
});

const triggerSchema = z.object({
  id: z.string(),
  handler: z.string(),
  user: z.string(),
  eventType: z.literal('CLOCK'),
  everyDays: z.int(),
  atHour: z.nullable(z.int()),
  afterMs: z.optional(z.int()),
});

const metaSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  nextSheetId: z.int(),
  documentProperties: z.record(z.string(), z.string()),
  userProperties: z.record(z.string(), z.record(z.string(), z.string())),
  /** Absent in files saved before triggers were kept. */
  triggers: z.optional(z.array(triggerSchema)),
  sheets: z.array(
    z.object({
      /** The worksheet's name in the file, which Excel limits to 31 characters and some symbols. */
      xlsxName: z.string(),
      name: z.string(),
      id: z.int(),
      protections: z.array(
        z.object({
          type: z.enum(['RANGE', 'SHEET']),
          rect: z.optional(rectSchema),
          description: z.string(),
          warningOnly: z.boolean(),
        }),
      ),
      charts: z.optional(z.array(chartSchema)),
    }),
  ),
});

export type Meta = z.infer<typeof metaSchema>;

// Excel holds at most 32767 characters in a cell.
const CHUNK = 30000;

export function writeMeta(worksheet: Worksheet, meta: Meta): void {
  const json = JSON.stringify(meta);
  for (let i = 0; i * CHUNK < json.length; i++) {
    worksheet.getCell(i + 1, 1).value = json.slice(i * CHUNK, (i + 1) * CHUNK);
  }
}

/** The stored metadata; throws when the sheet is there but unreadable. */
export function readMeta(worksheet: Worksheet): Meta {
  const chunks: string[] = [];
  for (let row = 1; row <= worksheet.rowCount; row++) chunks.push(String(worksheet.getCell(row, 1).value ?? ''));
  return metaSchema.parse(JSON.parse(chunks.join('')));
}
