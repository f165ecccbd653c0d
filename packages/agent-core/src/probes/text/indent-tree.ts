/**
 * The indented `Key: value` text of `system_profiler`: a line ending in `:` opens a section, deeper
 * lines belong to it. A line with no colon at all continues the previous value (multi-line
 * `Get Info String`s). Tabs count as 8 columns.
 */
export interface TreeNode {
  readonly key: string;
  value: string | undefined;
  readonly indent: number;
  readonly children: TreeNode[];
}

export function parseIndentTree(text: string): TreeNode[] {
  const roots: TreeNode[] = [];
  const stack: TreeNode[] = [];
  let lastValued: TreeNode | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\t/g, '        ').replace(/\s+$/, '');
    if (line === '') continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trimStart();
    const colon = body.indexOf(': ');
    const isSection = body.endsWith(':');
    if (colon < 0 && !isSection) {
      if (lastValued) lastValued.value = `${lastValued.value ?? ''}\n${body}`;
      continue;
    }
    const node: TreeNode = isSection
      ? { key: body.slice(0, -1).trim(), value: undefined, indent, children: [] }
      : { key: body.slice(0, colon).trim(), value: body.slice(colon + 2).trim(), indent, children: [] };
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    if (isSection) stack.push(node);
    lastValued = isSection ? undefined : node;
  }
  return roots;
}

/** The first node with this key, searched depth-first. */
export function findNode(nodes: readonly TreeNode[], key: string): TreeNode | undefined {
  for (const node of nodes) {
    if (node.key === key) return node;
    const inner = findNode(node.children, key);
    if (inner) return inner;
  }
  return undefined;
}

/** The values of a node's direct children, by key. */
export function fieldsOf(node: TreeNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const child of node?.children ?? []) if (child.value !== undefined) out[child.key] = child.value;
  return out;
}
