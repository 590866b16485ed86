// A formula whose result is "" is saved as `<c t="str"><f>…</f><v></v></c>`;
// exceljs reads the empty <v> as no result at all, which the runtime must
// not guess (SPEC §13). This teaches exceljs's cell reader the difference, so
// such a cell loads with the result '' and one saved without <v> has none.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CellXform = require('exceljs/lib/xlsx/xform/sheet/cell-xform.js') as {
  prototype: {
    parseOpen(node: { name: string }): boolean;
    parseClose(name: string): boolean;
    t?: string;
    model?: { formula?: string; shareType?: string; value?: unknown; result?: unknown };
    sawValue?: boolean;
  };
};

const { parseOpen, parseClose } = CellXform.prototype;

CellXform.prototype.parseOpen = function (node) {
  if (node.name === 'c') this.sawValue = false;
  if (node.name === 'v') this.sawValue = true;
  return parseOpen.call(this, node);
};

CellXform.prototype.parseClose = function (name) {
  const model = this.model;
  const emptyText = name === 'c' && this.sawValue && this.t === 'str' && model !== undefined
    && (model.formula !== undefined || model.shareType !== undefined) && model.value === undefined;
  const done = parseClose.call(this, name);
  if (emptyText) model.result = '';
  return done;
};
