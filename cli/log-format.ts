// How `ringkv dev` writes its nodes' logs (log-relay.ts), kept apart so that parsing the flag
// does not load the pretty-printer.
export const LOG_FORMATS = ["pretty", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
