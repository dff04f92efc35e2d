// Hand-made .xlsx files of the kinds an attacker (or a broken exporter) sends: a used range of the
// whole sheet in a couple of kilobytes, and a few kilobytes that unpack to hundreds of megabytes.
import { crc32, deflateRawSync } from "node:zlib";

interface Entry {
  name: string;
  data: Buffer;
}

/** A zip of the entries, deflated; the sizes it declares are the true ones. */
export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);

/** A workbook of one sheet whose <sheetData> is `sheetData` (inline strings, no shared strings). */
export function workbookWithSheet(sheetData: string, dimension = "A1"): Buffer {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipOf([
    {
      name: "[Content_Types].xml",
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: xml(
        `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: xml(
        `<worksheet xmlns="${main}"><dimension ref="${dimension}"/><sheetData>${sheetData}</sheetData></worksheet>`,
      ),
    },
  ]);
}

const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * The issue's file: about 2 KB, a used range of A1:XFD1048576 (every cell of a sheet) and a value
 * in its last cell, under a header that looks like a directory's.
 */
export function wholeSheetXlsx(): Buffer {
  return workbookWithSheet(
    `<row r="1">${inline("A1", "type")}${inline("B1", "code")}</row><row r="1048576">${inline("XFD1048576", "x")}</row>`,
    "A1:XFD1048576",
  );
}

/** A header row only, claiming the whole sheet as its used range: nothing more to read. */
export function wholeSheetClaimXlsx(): Buffer {
  return workbookWithSheet(
    `<row r="1">${inline("A1", "type")}${inline("B1", "code")}</row>`,
    "A1:XFD1048576",
  );
}

/** A few kilobytes that unpack to `megabytes` of empty rows: a zip bomb. */
export function zipBombXlsx(megabytes: number): Buffer {
  const row = '<row r="1"><c r="A1"/></row>';
  return workbookWithSheet(row.repeat(Math.ceil((megabytes * 1024 * 1024) / row.length)));
}

/** A value in row `lastRow` of column A (and a header in row 1). */
export function tallSheetXlsx(lastRow: number): Buffer {
  return workbookWithSheet(
    `<row r="1">${inline("A1", "type")}</row><row r="${lastRow}">${inline(`A${lastRow}`, "body")}</row>`,
  );
}
