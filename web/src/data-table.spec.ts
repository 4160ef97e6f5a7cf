// The column model, checked in Node (unit tests have no DOM): which cells are headings and with
// what scope, how classes merge, and the two empty states. The browser tests render the tables.
import { type Column, rowModel, tableModel } from './data-table';

interface Lab {
  id: string;
  title: string;
  score: number | null;
}

const labs: Lab[] = [
  { id: 'a', title: 'Lost task', score: 80 },
  { id: 'b', title: 'Deadlock', score: null },
];

const columns: Array<Column<Lab>> = [
  { header: 'Lab', rowHeader: true, cell: (lab) => lab.title },
  { header: 'Score', numeric: true, cell: (lab) => (lab.score === null ? '–' : String(lab.score)) },
  {
    header: 'Position',
    class: 'position',
    cell: (_lab, index) => `#${index + 1}`,
    cellAttrs: (lab) => ({ class: `lab-${lab.id}`, 'data-testid': 'pos' }),
  },
  { header: '', hiddenHeader: 'Open', cell: () => 'open' },
];

describe('tableModel', () => {
  it('gives every heading scope="col", the naming column scope="row", and the others plain cells', () => {
    const model = tableModel({ caption: 'Labs', columns, rows: labs });
    expect(model.head.map((c) => [c.tag, c.attrs.scope])).toEqual([
      ['th', 'col'],
      ['th', 'col'],
      ['th', 'col'],
      ['th', 'col'],
    ]);
    expect(model.body).toHaveLength(2);
    expect(model.body[0].cells.map((c) => c.tag)).toEqual(['th', 'td', 'td', 'td']);
    expect(model.body[0].cells[0].attrs.scope).toBe('row');
    expect(model.body[0].cells.slice(1).map((c) => c.attrs.scope)).toEqual([undefined, undefined, undefined]);
  });

  it('renders each cell from its row and index, in column order', () => {
    const model = tableModel({ caption: 'Labs', columns, rows: labs });
    expect(model.body.map((r) => r.cells.map((c) => c.content))).toEqual([
      ['Lost task', '80', '#1', 'open'],
      ['Deadlock', '–', '#2', 'open'],
    ]);
  });

  it('puts the column class and "numeric" on heading and cells, then a row’s own class', () => {
    const model = tableModel({ caption: 'Labs', columns, rows: labs });
    expect(model.head.map((c) => c.attrs.class)).toEqual([undefined, 'numeric', 'position', undefined]);
    expect(model.body[1].cells[1].attrs.class).toBe('numeric');
    expect(model.body[1].cells[2].attrs).toEqual({ class: 'position lab-b', 'data-testid': 'pos' });
  });

  it('keeps a heading’s own attributes but not a scope that contradicts it', () => {
    const sorted: Column<Lab> = { header: 'Lab', headerAttrs: { 'aria-sort': 'ascending', scope: 'row' }, cell: (l) => l.title };
    const head = tableModel({ caption: 'Labs', columns: [sorted], rows: labs }).head[0];
    expect(head.attrs).toEqual({ 'aria-sort': 'ascending', scope: 'col' });
  });

  it('names an empty heading for screen readers', () => {
    const model = tableModel({ caption: 'Labs', columns, rows: labs });
    expect(model.head.map((c) => c.hiddenText)).toEqual([undefined, undefined, undefined, 'Open']);
  });

  it('shows the caption unless it is marked hidden', () => {
    expect(tableModel({ caption: 'Labs', columns, rows: labs }).caption).toEqual({ text: 'Labs', hidden: false });
    expect(tableModel({ caption: { text: 'Labs', hidden: true }, columns, rows: labs }).caption).toEqual({ text: 'Labs', hidden: true });
  });

  it('passes row attributes through', () => {
    const model = tableModel({ caption: 'Labs', columns, rows: labs, rowAttrs: (lab) => ({ 'data-lab': lab.id }) });
    expect(model.body.map((r) => r.attrs)).toEqual([{ 'data-lab': 'a' }, { 'data-lab': 'b' }]);
  });

  describe('with no rows', () => {
    it('says so with a note in place of the table', () => {
      const model = tableModel({ caption: 'Labs', columns, rows: [], empty: { note: 'No labs yet.' } });
      expect(model.emptyNote).toBe('No labs yet.');
      expect(model.body).toEqual([]);
    });

    it('or with one row across every column', () => {
      const model = tableModel({ caption: 'Labs', columns, rows: [], empty: { row: 'No lab matches.' } });
      expect(model.emptyNote).toBeNull();
      expect(model.body).toEqual([
        { attrs: { class: 'empty-row' }, cells: [{ tag: 'td', attrs: { colspan: 4 }, content: 'No lab matches.' }] },
      ]);
    });

    it('or keeps its headings over an empty body when no empty state is given', () => {
      const model = tableModel({ caption: 'Labs', columns, rows: [] });
      expect(model.emptyNote).toBeNull();
      expect(model.body).toEqual([]);
      expect(model.head).toHaveLength(4);
    });

    it('ignores the empty state while there are rows', () => {
      const model = tableModel({ caption: 'Labs', columns, rows: labs, empty: { note: 'No labs yet.' } });
      expect(model.emptyNote).toBeNull();
      expect(model.body).toHaveLength(2);
    });
  });
});

describe('rowModel', () => {
  it('builds the same row as the table does, for replacing one row in place', () => {
    const table = tableModel({ caption: 'Labs', columns, rows: labs, rowAttrs: (lab) => ({ 'data-lab': lab.id }) });
    expect(rowModel({ columns, rowAttrs: (lab) => ({ 'data-lab': lab.id }) }, labs[1], 1)).toEqual(table.body[1]);
  });
});
