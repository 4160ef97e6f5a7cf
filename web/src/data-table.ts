// One way to build a table: typed columns and rows in, a semantic table out, with a caption
// (shown, or for screen readers only), <th scope="col"> headings, an optional <th scope="row">
// naming each row, and an empty state. `tableModel` decides every cell without touching the DOM
// (so unit tests check it in Node); `dataTable` only turns that model into elements.
import { type Attrs, type Child, h } from './dom';

export type Content = Child | Child[];

export interface Column<Row> {
  /** The heading: text, or a node (a sort button). */
  header: Content;
  /** What a screen reader says for a heading with no visible text (a column of buttons). */
  hiddenHeader?: string;
  cell: (row: Row, index: number) => Content;
  /** This column names its row: its cells are <th scope="row">. */
  rowHeader?: boolean;
  /** Figures: right-aligned in tabular digits (class "numeric" on the heading and the cells). */
  numeric?: boolean;
  /** A class on the column's heading and cells. */
  class?: string;
  /** More attributes on the heading (aria-sort). */
  headerAttrs?: Attrs;
  /** More attributes on each cell (a data-testid, a class that depends on the row). */
  cellAttrs?: (row: Row, index: number) => Attrs;
}

/** Where there are no rows: a note that stands instead of the table, or one row inside it. */
export type EmptyState = { note: string } | { row: string };

export interface TableSpec<Row> {
  /** The table's accessible name; shown above it unless hidden. */
  caption: string | { text: string; hidden: true };
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  /** Attributes of the <table> (class, data-testid). */
  attrs?: Attrs;
  rowAttrs?: (row: Row, index: number) => Attrs;
  /** Without it an empty table keeps its headings over an empty body. */
  empty?: EmptyState;
}

export interface CellModel {
  tag: 'th' | 'td';
  attrs: Attrs;
  content: Content;
  /** Text in the cell for screen readers only. */
  hiddenText?: string;
}

export interface RowModel {
  attrs: Attrs;
  cells: CellModel[];
}

export interface TableModel {
  caption: { text: string; hidden: boolean };
  head: CellModel[];
  body: RowModel[];
  /** Set when the table has no rows and says so with a note in its place. */
  emptyNote: string | null;
}

/** The class names given, in order, or undefined so that no empty class attribute is written. */
function classes(...names: unknown[]): string | undefined {
  const joined = names.filter((n): n is string => typeof n === 'string' && n !== '').join(' ');
  return joined === '' ? undefined : joined;
}

function headModel<Row>(column: Column<Row>): CellModel {
  const attrs: Attrs = { ...column.headerAttrs, scope: 'col' };
  attrs.class = classes(column.class, column.numeric && 'numeric', column.headerAttrs?.class);
  return { tag: 'th', attrs, content: column.header, hiddenText: column.hiddenHeader };
}

/** One body row. The helper's scope and merged classes win over a column's cellAttrs. */
export function rowModel<Row>(spec: Pick<TableSpec<Row>, 'columns' | 'rowAttrs'>, row: Row, index: number): RowModel {
  const cells = spec.columns.map((column): CellModel => {
    const extra = column.cellAttrs?.(row, index) ?? {};
    const attrs: Attrs = column.rowHeader ? { ...extra, scope: 'row' } : { ...extra };
    attrs.class = classes(column.class, column.numeric && 'numeric', extra.class);
    return { tag: column.rowHeader ? 'th' : 'td', attrs, content: column.cell(row, index) };
  });
  return { attrs: spec.rowAttrs?.(row, index) ?? {}, cells };
}

export function tableModel<Row>(spec: TableSpec<Row>): TableModel {
  const caption = typeof spec.caption === 'string' ? { text: spec.caption, hidden: false } : { text: spec.caption.text, hidden: true };
  const head = spec.columns.map(headModel);
  const empty = spec.rows.length === 0 ? spec.empty : undefined;
  if (empty && 'note' in empty) return { caption, head, body: [], emptyNote: empty.note };
  const body = empty
    ? [{ attrs: { class: 'empty-row' }, cells: [{ tag: 'td' as const, attrs: { colspan: spec.columns.length }, content: empty.row }] }]
    : spec.rows.map((row, index) => rowModel(spec, row, index));
  return { caption, head, body, emptyNote: null };
}

function renderCell(cell: CellModel): HTMLElement {
  return h(cell.tag, cell.attrs, cell.content, cell.hiddenText ? h('span', { class: 'visually-hidden' }, cell.hiddenText) : null);
}

function renderRow(row: RowModel): HTMLTableRowElement {
  return h('tr', row.attrs, row.cells.map(renderCell));
}

/** The table, or the empty note in its place. */
export function dataTable<Row>(spec: TableSpec<Row>): HTMLElement {
  const model = tableModel(spec);
  if (model.emptyNote !== null) return h('p', { class: 'empty-note' }, model.emptyNote);
  return h(
    'table',
    spec.attrs ?? null,
    h('caption', model.caption.hidden ? { class: 'visually-hidden' } : null, model.caption.text),
    h('thead', null, h('tr', null, model.head.map(renderCell))),
    h('tbody', null, model.body.map(renderRow)),
  );
}

/** One body row on its own, to put in place of a row whose data changed. */
export function dataTableRow<Row>(spec: Pick<TableSpec<Row>, 'columns' | 'rowAttrs'>, row: Row, index = 0): HTMLTableRowElement {
  return renderRow(rowModel(spec, row, index));
}
