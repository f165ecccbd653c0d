import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

/** What a NUL character becomes in the database: the Unicode replacement character. */
export const NUL_REPLACEMENT = '\uFFFD';

// A JSON text's `\u0000` escape, not preceded by an odd number of backslashes (`\\u0000` is a
// backslash followed by the letters "u0000", which is kept as it is).
const JSON_NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * PostgreSQL refuses NUL in text ("invalid byte sequence") and the `\u0000` escape in jsonb, so a
 * string an agent sends with a NUL in it (a registry value, a device name read from firmware)
 * would fail the whole write, and the agent would retry it forever. Every string bound into a
 * query has its NULs replaced with U+FFFD, on both engines, so SQLite and PostgreSQL store the
 * same thing. JSON documents arrive here already serialized: their `\u0000` escapes are replaced
 * the same way.
 */
export function nulSafe(value: string): string {
  if (!value.includes('\u0000') && !value.includes('\\u0000')) return value;
  return value.replaceAll('\u0000', NUL_REPLACEMENT).replace(JSON_NUL_ESCAPE, '$1\\ufffd');
}

class NulSafeTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return typeof node.value === 'string' && node.value !== nulSafe(node.value) ? { ...node, value: nulSafe(node.value) } : node;
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    if (!node.values.some((v) => typeof v === 'string' && v !== nulSafe(v))) return node;
    return { ...node, values: node.values.map((v) => (typeof v === 'string' ? nulSafe(v) : v)) };
  }
}

/** The Kysely plugin both engines' connections use (see {@link nulSafe}). */
export class NulSafePlugin implements KyselyPlugin {
  private readonly transformer = new NulSafeTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
