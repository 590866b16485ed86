// The preview's token: `npm start` makes a random one at start and
// prints the page's address with it (?token=…), and the server answers the
// API, the sidebar and the dialog only when it comes along — so another local
// program or user cannot read the workbook. The page, its frames and the
// google.script shim pass on the token of their own address.

/** An address of a running preview, with the token it asks of every page and call. */
export function previewAddress(preview: { readonly url: string; readonly token: string }, path: string): string {
  const address = new URL(path, preview.url);
  address.searchParams.set('token', preview.token);
  return address.href;
}

/** `path` with the token of the address `search` (e.g. location.search) added. */
export function withPreviewToken(path: string, search: string): string {
  const token = new URLSearchParams(search).get('token') ?? '';
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}
