/** YAML errors carrying Helm's message text and an editor position. */

/**
 * YamlError is a failure to read YAML (or to convert it the way Helm does). `message` is Go's
 * text after Helm's stage prefix (e.g. `error converting YAML to JSON: yaml: line 3: mapping
 * values are not allowed in this context`); `stage` names that prefix (`cannot unmarshal yaml
 * document` or `error reading yaml document`); `line`/`column` are 1-based positions in the
 * whole input for editors, when known.
 */
export class YamlError extends Error {
  override name = 'YamlError';
  line?: number;
  column?: number;
  stage: 'cannot unmarshal yaml document' | 'error reading yaml document';
  constructor(message: string, opts: { line?: number; column?: number; stage?: YamlError['stage'] } = {}) {
    super(message);
    this.line = opts.line;
    this.column = opts.column;
    this.stage = opts.stage ?? 'cannot unmarshal yaml document';
  }
  /** helmMessage is the message with Helm's stage prefix, as it follows `cannot load values.yaml: `. */
  get helmMessage(): string {
    return `${this.stage}: ${this.message}`;
  }
}
