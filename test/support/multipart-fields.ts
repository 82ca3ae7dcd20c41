/**
 * A multipart/form-data body read back by undici's own parser (Node's Response.formData), as
 * [name, value] pairs: an independent check of what the console or a snippet sent.
 */
export async function multipartFields(body: string, contentType: string): Promise<[string, string][]> {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  return [...form].map(([name, value]) => [name, String(value)]);
}
