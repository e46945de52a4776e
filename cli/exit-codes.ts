// Exit codes of the node commands (`start`, `dev`) beyond the client contract's 0/1/2/3
// (shared/DESIGN.md §4). Each tells a supervisor something different to do, so each has its own.

/** Usage or invalid input (the client contract's 2), also for a data directory another node holds. */
export const EXIT_USAGE = 2;
/** An address could not be listened on (in use, not on this machine): free it or pick another. */
export const EXIT_CANNOT_LISTEN = 4;
/** The node was removed from the cluster while it was down: wipe its data and --join again. */
export const EXIT_REMOVED_WHILE_DOWN = 5;
/**
 * The data directory holds files of a newer on-disk format than this ringkv reads
 * (src/storage/format-version.ts): run the newer ringkv that wrote them; restarting cannot help.
 */
export const EXIT_DATA_FORMAT_TOO_NEW = 6;
/** A fatal internal error (disk failure, broken invariant): see the log (src/node/node.ts). */
export const EXIT_FATAL = 70;

export const EXIT_CODES_HELP = `Exit codes: 0 success, 1 not found / version mismatch, 2 usage or invalid input,
            3 cluster unavailable or timed out (client commands give up after --timeout);
  start/dev also: ${EXIT_CANNOT_LISTEN} cannot listen on an address (in use or not local),
            ${EXIT_REMOVED_WHILE_DOWN} removed from the cluster while down (wipe --data, start with --join),
            ${EXIT_DATA_FORMAT_TOO_NEW} --data was written by a newer on-disk format (run that newer ringkv),
            ${EXIT_FATAL} fatal internal error (disk or invariant; see the log).`;
