import { OutputTail, REPORT_SENTINEL, splitReport } from './output-tail';

describe('OutputTail', () => {
  it('keeps only the last bytes while counting all of them', async () => {
    const totals: number[] = [];
    const sut = new OutputTail(10, (total) => totals.push(total));
    for (const chunk of ['aaaaa', 'bbbbb', 'ccccc', 'dd']) sut.write(Buffer.from(chunk));
    await new Promise((resolve) => sut.end(resolve));
    expect(sut.text()).toBe('bbbcccccdd');
    expect(sut.totalBytes).toBe(17);
    expect(sut.dropped).toBe(true);
    expect(totals.at(-1)).toBe(17);
  });
});

describe('splitReport', () => {
  it('takes the report after the last sentinel with the right nonce', () => {
    const forged = `${REPORT_SENTINEL('guess')}\n{"forged":true}\n`;
    const stdout = `printed\n${forged}${REPORT_SENTINEL('n1')}\n{"real":true}\n`;
    expect(splitReport(stdout, 'n1')).toEqual({ printed: `printed\n${forged}`, reportJson: '{"real":true}' });
  });

  it('says there is no report when the sentinel never came', () => {
    expect(splitReport('crashed', 'n1')).toEqual({ printed: 'crashed', reportJson: null });
  });
});
