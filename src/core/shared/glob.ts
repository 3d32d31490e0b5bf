/**
 * A small glob matcher for report settings, matched against '/'-separated paths relative to a
 * workspace folder: `**` any number of folders, `*` and `?` within one name, `{a,b}` choices,
 * `[abc]` character classes. Everything else is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      source += '(?:';
      depth++;
    } else if (char === '}' && depth > 0) {
      source += ')';
      depth--;
    } else if (char === ',' && depth > 0) source += '|';
    else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, close).replace(/\\/g, '\\\\').replace(/^!/, '^')}]`;
        i = close;
      }
    } else source += char.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  source += ')'.repeat(depth);
  return new RegExp(`^${source}$`);
}

export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  const slashed = relativePath.replace(/\\/g, '/');
  return globs.some((glob) => globToRegExp(glob).test(slashed));
}
