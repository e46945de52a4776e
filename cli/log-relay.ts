// Where `ringkv dev` sends its nodes' log lines. Nodes log pino JSON; a person at a terminal
// gets one short coloured line per event (pino-pretty), and only warnings and worse by default
// so the banner stays on screen; a pipe or a file (or --log-format json) gets the JSON lines
// untouched, each already naming its node, for tools.
import { prettyFactory } from "pino-pretty";
import type { LineSink } from "./dev-cluster.ts";
import type { LogFormat } from "./log-format.ts";

/** pino's numeric levels, to filter lines without re-parsing the level names. */
const LEVEL_VALUES: Readonly<Record<string, number>> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY,
};

export class LogRelay implements LineSink {
  readonly format: LogFormat;
  readonly #out: NodeJS.WritableStream;
  readonly #minLevel: number;
  readonly #pretty: ((record: object) => string) | null;

  /** `shownLevel`: the least severe level written (the nodes themselves log at their own level). */
  constructor(options: {
    format: LogFormat;
    shownLevel: string;
    out: NodeJS.WritableStream;
    colour: boolean;
  }) {
    this.format = options.format;
    this.#out = options.out;
    this.#minLevel = LEVEL_VALUES[options.shownLevel] ?? LEVEL_VALUES["info"]!;
    this.#pretty =
      options.format === "pretty"
        ? prettyFactory({
            colorize: options.colour,
            singleLine: true,
            translateTime: "HH:MM:ss.l",
            ignore: "pid,hostname,node",
            messageFormat: "{node} {msg}",
          })
        : null;
  }

  line(node: string, text: string, stream: "stdout" | "stderr"): void {
    const record = parseRecord(text) ?? plainRecord(node, text, stream);
    const level = typeof record["level"] === "number" ? record["level"] : LEVEL_VALUES["info"]!;
    if (level < this.#minLevel) return;
    this.#out.write(this.#pretty ? this.#pretty(record) : `${JSON.stringify(record)}\n`);
  }

  /** dev's own messages, in the same format as the nodes'. */
  event(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}): void {
    const record = { level: LEVEL_VALUES[level], time: Date.now(), node: "dev", ...fields, msg };
    this.#out.write(this.#pretty ? this.#pretty(record) : `${JSON.stringify(record)}\n`);
  }
}

function parseRecord(text: string): Record<string, unknown> | null {
  if (!text.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A line that is not pino JSON (a CLI message, a gRPC library warning) as a log record. */
function plainRecord(node: string, text: string, stream: "stdout" | "stderr"): Record<string, unknown> {
  const level = stream === "stderr" ? LEVEL_VALUES["warn"] : LEVEL_VALUES["info"];
  return { level, time: Date.now(), node, msg: text };
}
