/** A long axis name broken into lines of at most `perLine` characters (Chinese has no spaces). */
export function wrapLabel(text: string, perLine: number): string {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines.join('\n');
}
