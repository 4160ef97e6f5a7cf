import { hiddenCheckProblems } from './lab-self-check';

describe('hiddenCheckProblems', () => {
  it('accepts drivers whose every test has a judge', () => {
    const hidden = {
      'test_a.py': 'import pytest\n\n@pytest.mark.asyncio\nasync def test_x():\n    grade.observe(n=1)\n',
      'judge_a.py': 'DRIVER = "hidden/test_a.py"\n\ndef judge_test_x(given, seen, elapsed):\n    assert seen["n"] == 1\n',
    };
    expect(hiddenCheckProblems(hidden)).toEqual([]);
  });

  it('names a hidden test judged in the learner process: no judge, a missing judge function, an assert', () => {
    const hidden = {
      'test_a.py': 'def test_x():\n    assert 1\n\nasync def test_y():\n    pass\n',
      'judge_a.py': 'DRIVER = "hidden/test_a.py"\ndef judge_test_x(g, s, e):\n    pass\n',
      'test_b.py': 'def test_z():\n    pass\n',
    };
    expect(hiddenCheckProblems(hidden)).toEqual([
      'hidden/test_a.py::test_y has no judge_test_y in hidden/judge_a.py',
      'hidden/test_a.py asserts: expected values belong in its judge',
      'hidden/test_b.py has no judge (a hidden/judge_*.py with DRIVER = "hidden/test_b.py")',
    ]);
  });
});
