/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename: string | undefined;
  data: Buffer;
}

/**
 * Parses multipart/form-data as grammY writes it. Node's own Request.formData() refuses grammY's
 * unquoted `filename=name.xlsx`, so this reads the parts by hand.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new Error(`no boundary in content-type: ${contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const contentStart = start + delimiter.length;
    if (body.subarray(contentStart, contentStart + 2).toString() === "--") break;
    const end = body.indexOf(delimiter, contentStart);
    if (end === -1) break;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = body.subarray(contentStart + 2, end - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    parts.push({
      name: /(?:^|[;\s:])name="([^"]*)"/i.exec(headers)?.[1] ?? "",
      filename: /filename=("?)([^"\r\n]*)\1/i.exec(headers)?.[2],
      data: Buffer.from(part.subarray(headerEnd + 4)),
    });
    start = end;
  }
  return parts;
}
