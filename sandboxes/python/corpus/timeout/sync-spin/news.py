def collatz_steps(n):
    steps = 0
    while n != 1:  # expect: timeout
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
        if n == 4:
            n = 16  # a "fix" that turns the sequence into a cycle
    return steps
