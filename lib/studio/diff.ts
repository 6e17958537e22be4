/** Line diff of two texts, for the manifest comparison between environments. */

/** DiffLine is one line of a diff: kept (' '), removed ('-') or added ('+'). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

const maxTableCells = 16_000_000;

/**
 * diffLines returns a shortest-edit line diff of `a` to `b` (longest common subsequence on the lines
 * between the common prefix and suffix). Removed lines come before added lines in each changed block.
 */
export function diffLines(a: string, b: string): DiffLine[] {
  const x = a === '' ? [] : a.split('\n');
  const y = b === '' ? [] : b.split('\n');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ op: ' ', text: x[i]! });
  const mx = x.slice(start, endX);
  const my = y.slice(start, endY);
  const n = mx.length;
  const m = my.length;
  if (n * m > maxTableCells) {
    for (const text of mx) out.push({ op: '-', text });
    for (const text of my) out.push({ op: '+', text });
  } else {
    // lcs[i*(m+1)+j] is the LCS length of mx[i:] and my[j:].
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          mx[i] === my[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    const removed: string[] = [];
    const added: string[] = [];
    const flush = () => {
      for (const text of removed) out.push({ op: '-', text });
      for (const text of added) out.push({ op: '+', text });
      removed.length = 0;
      added.length = 0;
    };
    while (i < n || j < m) {
      if (i < n && j < m && mx[i] === my[j]) {
        flush();
        out.push({ op: ' ', text: mx[i]! });
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        removed.push(mx[i]!);
        i++;
      } else {
        added.push(my[j]!);
        j++;
      }
    }
    flush();
  }
  for (let i = endX; i < x.length; i++) out.push({ op: ' ', text: x[i]! });
  return out;
}

/** diffStats counts the added and removed lines of a diff. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === '+') added++;
    else if (l.op === '-') removed++;
  }
  return { added, removed };
}
