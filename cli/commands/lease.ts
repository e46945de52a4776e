// `ringkv lease grant|revoke|keep-alive|ttl|list`: leases, whose keys are deleted on every shard
// when the lease expires or is revoked. Ids print in decimal and hex (etcdctl prints hex); both
// are accepted back.
import type { Command } from "commander";
import { type ErrorCode, toRingkvError } from "../../src/api/errors.ts";
import { formatLeaseId } from "../../src/api/lease-id.ts";
import { integerIn, leaseIdArgument } from "../arguments.ts";
import { type ClientFlags, clientCommand, clientFlags, runWithClient } from "../client-command.ts";

/** The longest TTL the CLI accepts; the cluster may refuse less (leaseTtlMaxSeconds). */
const TTL_S_MAX = 9_000_000_000;

/** A keep-alive loop renews every TTL / KEEPALIVE_DIVISOR: two renewals may fail before it ends. */
const KEEPALIVE_DIVISOR = 3;

/** Causes that pass (a leader change, a node restarting, a slow answer): the renewal is repeated. */
const RENEWAL_RETRY_CODES: ReadonlySet<ErrorCode> = new Set([
  "NotLeader",
  "NoQuorum",
  "Unavailable",
  "Timeout",
]);

/** How soon a renewal that failed for a passing cause is tried again (unless the answer says). */
const RENEWAL_RETRY_MS = 500;

interface KeepAliveFlags extends ClientFlags {
  readonly once: boolean;
}

export function registerLease(program: Command): void {
  const lease = program
    .command("lease")
    .description("grant, renew, inspect and revoke leases (keys put with one go when it ends)");
  lease.addHelpText(
    "after",
    `
Examples:
  $ ringkv lease grant 30                # prints the id, e.g. "lease 7567... (0x1a2b...) granted, TTL 30 s"
  $ ringkv put session alive --lease 0x1a2b...
  $ ringkv lease keep-alive 0x1a2b...    # renews every TTL/3 s until Ctrl-C
  $ ringkv lease ttl 0x1a2b... --keys
  $ ringkv lease revoke 0x1a2b...        # its keys are deleted at once`,
  );
  clientCommand(lease, "grant")
    .description("grant a lease of TTL seconds (raised to the cluster's minimum) and print its id")
    .argument("<ttl>", "seconds", integerIn(1, TTL_S_MAX))
    .action(async (ttl: number, _: unknown, command: Command) => {
      await runWithClient(clientFlags(command), async (client, out) => {
        const granted = await client.leaseGrant(ttl);
        out.result(
          { id: granted.id, hex: granted.id.toString(16), ttl: granted.ttlSeconds },
          `lease ${formatLeaseId(granted.id)} granted, TTL ${granted.ttlSeconds} s`,
        );
      });
    });
  clientCommand(lease, "revoke")
    .description("revoke a lease: its keys are deleted on every shard")
    .argument("<id>", "lease id (decimal or hex)", leaseIdArgument)
    .action(async (id: number, _: unknown, command: Command) => {
      await runWithClient(clientFlags(command), async (client, out) => {
        await client.leaseRevoke(id);
        out.result({ id, hex: id.toString(16), revoked: true }, `lease ${formatLeaseId(id)} revoked`);
      });
    });
  clientCommand(lease, "keep-alive")
    .description("renew a lease every third of its TTL until interrupted (or once with --once)")
    .argument("<id>", "lease id (decimal or hex)", leaseIdArgument)
    .option("--once", "renew once and exit", false)
    .action(async (id: number, _: unknown, command: Command) => {
      await keepAlive(id, clientFlags<KeepAliveFlags>(command));
    });
  clientCommand(lease, "ttl")
    .description("print the seconds a lease has left (exit 1 if it does not exist)")
    .argument("<id>", "lease id (decimal or hex)", leaseIdArgument)
    .option("--keys", "list the keys attached to it too", false)
    .action(async (id: number, _: unknown, command: Command) => {
      const flags = clientFlags<ClientFlags & { readonly keys: boolean }>(command);
      await runWithClient(flags, async (client, out) => {
        const left = await client.leaseTimeToLive(id, { keys: flags.keys });
        if (left.ttlSeconds < 0) {
          process.exitCode = 1;
          out.result({ id, hex: id.toString(16), ttl: -1 }, `lease ${formatLeaseId(id)} not found`);
          return;
        }
        const keys = left.keys.map((k) => new TextDecoder().decode(k));
        const text = `lease ${formatLeaseId(id)}: ${left.ttlSeconds} s left of ${left.grantedTtlSeconds} s`;
        out.result(
          {
            id,
            hex: id.toString(16),
            ttl: left.ttlSeconds,
            grantedTtl: left.grantedTtlSeconds,
            ...(flags.keys ? { keys } : {}),
          },
          flags.keys ? [text, ...keys.map((k) => `  ${k}`)].join("\n") : text,
        );
      });
    });
  clientCommand(lease, "list")
    .description("list the live leases")
    .action(async (_: unknown, command: Command) => {
      await runWithClient(clientFlags(command), async (client, out) => {
        const ids = await client.leases();
        out.result(
          ids.map((id) => ({ id, hex: id.toString(16) })),
          ids.length === 0 ? "no leases" : ids.map(formatLeaseId).join("\n"),
        );
      });
    });
}

/**
 * Renew `id` now and then every TTL/3 until SIGINT/SIGTERM (or once), over one connection, as
 * `etcdctl lease keep-alive` does. A renewal that fails for a passing cause (no leader, no quorum,
 * a node down, a deadline) is repeated soon and said on stderr, for as long as the lease can
 * still be alive: renewing is safe to repeat. The loop ends with the failure's exit code when the
 * lease is gone (1), when the cause will not pass (invalid input, credentials), or once the
 * lease's TTL has run out since the last renewal without one getting through (3).
 */
async function keepAlive(id: number, flags: KeepAliveFlags): Promise<void> {
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    stop();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    // Untimed: the loop runs until stopped; each renewal is bounded by the client's deadline and
    // retry budget, which --timeout sets.
    await runWithClient(
      flags,
      async (client, out) => {
        // Before the first renewal, how long the lease lives is unknown: --timeout bounds the tries.
        let aliveUntil = performance.now() + flags.timeout * 1000;
        while (!interrupted) {
          let waitMs: number;
          try {
            const renewed = await client.leaseKeepAlive(id);
            out.result(
              { id, hex: id.toString(16), ttl: renewed.ttlSeconds },
              `lease ${formatLeaseId(id)} renewed, TTL ${renewed.ttlSeconds} s`,
            );
            if (flags.once) return;
            aliveUntil = performance.now() + renewed.ttlSeconds * 1000;
            waitMs = (renewed.ttlSeconds * 1000) / KEEPALIVE_DIVISOR;
          } catch (e) {
            const error = toRingkvError(e);
            if (flags.once || !RENEWAL_RETRY_CODES.has(error.code)) throw error;
            const leftMs = aliveUntil - performance.now();
            if (leftMs <= 0) throw error;
            // A suggested wait longer than the lease has left is cut short: one last try.
            waitMs = Math.min(Math.max(error.retryAfterMs, RENEWAL_RETRY_MS), leftMs);
            out.warning(error, "retrying");
          }
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            stopped,
            new Promise<void>((resolve) => {
              timer = setTimeout(resolve, waitMs);
            }),
          ]);
          clearTimeout(timer);
        }
      },
      { untimed: true },
    );
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
