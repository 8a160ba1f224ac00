import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CSV_BOM, csvLine, CsvValue } from './csv';

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvValue;
}

/**
 * Streams a query's rows to the response as CSV through a server-side cursor
 * (pg-query-stream): memory stays flat however many rows there are, and a slow client
 * slows the query down instead of filling memory.
 */
export async function streamCsv<R>(db: DataSource, res: Response, filename: string, sql: string, params: unknown[], columns: CsvColumn<R>[]): Promise<void> {
  const runner = db.createQueryRunner();
  try {
    const rows = (await runner.stream(sql, params)) as Readable;
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.write(CSV_BOM + csvLine(columns.map((c) => c.header)));
    const toCsv = new Transform({
      writableObjectMode: true,
      transform(row: R, _enc: BufferEncoding, done: TransformCallback) {
        done(null, csvLine(columns.map((c) => c.value(row))));
      },
    });
    await pipeline(rows, toCsv, res);
  } finally {
    await runner.release();
  }
}
