/**
 * A route path template (`/entities/{id}/articles`) matched as API Gateway matches it: each `{name}`
 * stands for exactly one segment, and empty segments (a doubled or trailing slash) do not count.
 * Parameter values come back as they appear in the path, still percent-encoded: what a bad encoding
 * means is the caller's decision.
 */
export interface PathTemplate {
  readonly path: string;
  match(path: string): Record<string, string> | undefined;
}

export function pathTemplate(path: string): PathTemplate {
  const parts = segments(path).map((part) => {
    const parameter = /^\{(\w+)\}$/.exec(part);
    return parameter ? { parameter: parameter[1]! } : { literal: part };
  });
  return {
    path,
    match(candidate) {
      const given = segments(candidate);
      if (given.length !== parts.length) return undefined;
      const values: Record<string, string> = {};
      for (const [i, part] of parts.entries()) {
        const segment = given[i]!;
        if (part.parameter !== undefined) values[part.parameter] = segment;
        else if (part.literal !== segment) return undefined;
      }
      return values;
    },
  };
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}
