// The learners x assignments matrix: one row per learner, one cell per assignment (best score,
// attempts, last activity, passed, late). Sorted by clicking a column heading, filtered by name
// and by state; each cell is a button that opens that learner's attempts.
import type { AssignmentView, MatrixCell, MatrixRow } from '../api/types';
import { type Column, dataTable } from '../data-table';
import { formatTime, h, replace } from '../dom';

type Filter = 'all' | 'not-passed' | 'late' | 'passed' | 'stuck';
type SortKey = { column: 'learner' } | { column: 'assignment'; index: number };

export interface MatrixOptions {
  onOpenCell: (row: MatrixRow, cell: MatrixCell, assignment: AssignmentView) => void;
  /** The code a learner keeps hitting on an assignment, by `${userId}/${assignmentId}` (from the analytics). */
  stuck?: Map<string, string>;
}

export function learnerName(row: MatrixRow): string {
  const l = row.learner;
  return l.displayName ?? l.email ?? l.externalId ?? l.userId;
}

export class MatrixTable {
  readonly element: HTMLElement;
  private readonly table: HTMLElement;
  private filter: Filter = 'all';
  private search = '';
  private sort: SortKey = { column: 'learner' };
  private descending = false;

  constructor(
    private readonly rows: MatrixRow[],
    private readonly assignments: AssignmentView[],
    private readonly options: MatrixOptions,
  ) {
    this.table = h('div', { class: 'matrix-scroll' });
    const search = h('input', { type: 'text', id: 'matrix-search', placeholder: 'name or email', 'data-testid': 'matrix-search' });
    search.addEventListener('input', () => {
      this.search = search.value.trim().toLowerCase();
      this.render();
    });
    const filter = h(
      'select',
      { id: 'matrix-filter', 'data-testid': 'matrix-filter' },
      h('option', { value: 'all' }, 'Everyone'),
      h('option', { value: 'not-passed' }, 'Has an assignment not passed'),
      h('option', { value: 'late' }, 'Has a late assignment'),
      h('option', { value: 'passed' }, 'Passed everything'),
      options.stuck ? h('option', { value: 'stuck' }, 'Stuck on an assignment') : null,
    );
    filter.addEventListener('change', () => {
      this.filter = filter.value as Filter;
      this.render();
    });
    this.element = h(
      'div',
      { class: 'matrix' },
      h(
        'div',
        { class: 'matrix-controls' },
        h('div', { class: 'field' }, h('label', { for: 'matrix-search' }, 'Find a learner'), search),
        h('div', { class: 'field' }, h('label', { for: 'matrix-filter' }, 'Show'), filter),
      ),
      this.table,
    );
    this.render();
  }

  private visibleRows(): MatrixRow[] {
    const rows = this.rows.filter((row) => {
      if (this.search && !learnerName(row).toLowerCase().includes(this.search) && !(row.learner.email ?? '').includes(this.search))
        return false;
      if (this.filter === 'not-passed') return row.cells.some((c) => !c.passed);
      if (this.filter === 'late') return row.cells.some((c) => c.late);
      if (this.filter === 'passed') return row.cells.every((c) => c.passed);
      if (this.filter === 'stuck') return row.cells.some((c) => this.stuckCode(row, c) !== undefined);
      return true;
    });
    const sort = this.sort;
    const key = (row: MatrixRow): string | number =>
      sort.column === 'learner'
        ? learnerName(row).toLowerCase()
        : (row.cells[sort.index].bestScore ?? -1) * 1000 + row.cells[sort.index].attempts;
    rows.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return this.descending ? -order : order;
    });
    return rows;
  }

  /** A sortable column: its heading is a button, its aria-sort says how the rows are sorted now. */
  private column(label: string, sort: SortKey, cell: Column<MatrixRow>['cell'], rowHeader = false): Column<MatrixRow> {
    const active = JSON.stringify(sort) === JSON.stringify(this.sort);
    const button = h('button', { type: 'button', class: 'link-button sort-button' }, label, active ? (this.descending ? ' ▼' : ' ▲') : '');
    button.addEventListener('click', () => {
      this.descending = active ? !this.descending : sort.column === 'assignment';
      this.sort = sort;
      this.render();
    });
    return {
      header: button,
      headerAttrs: { 'aria-sort': active ? (this.descending ? 'descending' : 'ascending') : 'none' },
      cell,
      rowHeader,
    };
  }

  private render(): void {
    const rows = this.visibleRows();
    replace(
      this.table,
      dataTable({
        caption: `${rows.length} of ${this.rows.length} learners`,
        attrs: { class: 'matrix-table', 'data-testid': 'matrix' },
        rows,
        rowAttrs: (row) => ({ 'data-user': row.learner.userId }),
        columns: [
          this.column('Learner', { column: 'learner' }, learnerName, true),
          ...this.assignments.map((a, index) =>
            this.column(a.labTitle, { column: 'assignment', index }, (row) => this.cellButton(row, row.cells[index], a)),
          ),
        ],
      }),
    );
  }

  private stuckCode(row: MatrixRow, cell: MatrixCell): string | undefined {
    return this.options.stuck?.get(`${row.learner.userId}/${cell.assignmentId}`);
  }

  private cellButton(row: MatrixRow, cell: MatrixCell, assignment: AssignmentView): HTMLElement {
    const state = cell.passed ? 'passed' : cell.attempts ? 'attempted' : 'not-started';
    const stuck = this.stuckCode(row, cell);
    const button = h(
      'button',
      {
        type: 'button',
        class: `matrix-cell cell-${state}${cell.late ? ' cell-late' : ''}${stuck ? ' cell-stuck' : ''}`,
        'data-lab': cell.labId,
        'data-stuck': stuck ?? null,
        'data-state': state,
        'aria-label': `${learnerName(row)}, ${assignment.labTitle}: open the attempts`,
      },
      h('span', { class: 'cell-score' }, cell.bestScore === null ? '–' : String(cell.bestScore)),
      h(
        'span',
        { class: 'cell-meta' },
        `${cell.attempts} att.`,
        cell.passed ? ' · ✓' : '',
        cell.late ? ' · late' : '',
        cell.extended ? ' · ext.' : '',
      ),
      h('span', { class: 'cell-meta' }, cell.lastActivityAt ? formatTime(cell.lastActivityAt) : 'no activity'),
      stuck ? h('span', { class: 'cell-stuck-note' }, `stuck: ${stuck}`) : null,
    );
    button.addEventListener('click', () => {
      this.options.onOpenCell(row, cell, assignment);
    });
    return button;
  }
}
