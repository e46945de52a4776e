// Membership of the cluster, kept in the meta group: joining (asked of a member by a new node,
// one meta write), leaving (marked leaving so every shard moves off, then removed), and, on the
// meta leader, finishing the leaves whose shards have all moved.
import { RingkvError, toRingkvError } from "../../api/errors.ts";
import type { JoinResult, MemberInfo, MembershipJson, RequestOptions, StatusJson } from "../../api/kv-api.ts";
import { ConfChangeType } from "../../raft/index.ts";
import { sleep } from "../host/clock.ts";
import { META_GROUP } from "../host/groups.ts";
import { plannedConf } from "../placement/rebalance-step.ts";
import type { AddressBook } from "./address-book.ts";
import type { Addresses } from "./addresses.ts";
import type { ClusterContext } from "./context.ts";
import { Phase } from "./phase.ts";
import type { Proposer } from "./proposer.ts";
import type { RemovalWatch } from "./removal-watch.ts";
import type { Router } from "./router.ts";

export interface MembershipOptions {
  /** This node as a member (id, advertised addresses). */
  readonly me: MemberInfo;
  readonly router: Router;
  readonly proposer: Proposer;
  readonly addresses: Addresses;
  readonly addressBook: AddressBook | undefined;
  readonly removalWatch: RemovalWatch;
  readonly stopping: () => boolean;
  /** The cluster's merged status (status.ts). */
  readonly status: () => Promise<StatusJson>;
}

/** On the meta leader: finishing the leaves of members no shard holds any more, one pass at a time. */
type LeavePhase =
  | { readonly kind: "idle" }
  | { readonly kind: "finishing"; readonly members: readonly string[] };

export class Membership {
  readonly #ctx: ClusterContext;
  readonly #o: MembershipOptions;
  readonly #leaves = new Phase<LeavePhase>(
    "finishing leaves",
    { kind: "idle" },
    { idle: ["finishing"], finishing: ["idle"] },
  );

  /** A re-record of this node's own member record is in flight, or when the last one failed. */
  #recording: { readonly kind: "idle"; readonly failedAt: number } | { readonly kind: "busy" } = {
    kind: "idle",
    failedAt: Number.NEGATIVE_INFINITY,
  };

  constructor(ctx: ClusterContext, options: MembershipOptions) {
    this.#ctx = ctx;
    this.#o = options;
  }

  /** Add a member: one meta write; the rebalancer then moves replicas onto it. Idempotent. */
  join(member: MemberInfo, options: RequestOptions): Promise<JoinResult> {
    const { clock, settings, logger } = this.#ctx;
    return this.#o.router.onGroupLeader({
      group: META_GROUP,
      options,
      deadline: clock.now() + settings.requestTimeoutMs,
      idempotent: true,
      remote: (peer, deadline) => peer.join(member, deadline),
      local: async (r) => {
        const known = r.sm.member(member.id);
        if (known?.leaving) {
          throw new RingkvError(
            "InvalidArgument",
            `${member.id} is leaving the cluster; wait until it has left`,
          );
        }
        if (!known || known.addr !== member.addr || known.http !== member.http) {
          await this.#confirmAnswers(member);
          await this.#o.proposer.propose(r, {
            setMember: { id: member.id, addr: member.addr, http: member.http },
          });
          logger.info({ member: member.id }, "member joined");
        }
        return { members: r.sm.members().map(({ id, addr, http }) => ({ id, addr, http })), epoch: r.epoch };
      },
    });
  }

  /**
   * A join is recorded only once the joiner has answered at the address it gave, as itself: a
   * member record for an address where nothing listens (a typo, a wrong --advertise, a node that
   * died before its join went through) would make every shard move toward a ghost. The joiner
   * is already serving when it asks (node.ts listens before joining), so a live one answers
   * within statusFanOutMs.
   */
  async #confirmAnswers(member: MemberInfo): Promise<void> {
    const { clock, settings, peers } = this.#ctx;
    let answer: MembershipJson;
    try {
      answer = await peers.get(member.addr).membership(clock.now() + settings.statusFanOutMs);
    } catch (e) {
      // Not Unavailable: nothing would make a retry of this very request succeed sooner than
      // the joiner itself asking again (membership.joinCluster retries with backoff).
      throw new RingkvError(
        "InvalidArgument",
        `${member.id} did not answer at ${member.addr} (${toRingkvError(e).message}); it was not added, nothing is placed on it`,
      );
    }
    if (answer.node.id !== member.id) {
      throw new RingkvError(
        "InvalidArgument",
        `${member.addr} answers as ${answer.node.id}, not ${member.id}; ${member.id} was not added`,
      );
    }
  }

  /**
   * Remove a member cleanly: mark it leaving (placement stops counting it, so every shard's
   * leader moves its replicas elsewhere), then wait until the meta leader has finished the leave
   * (finishLeaves): no shard holds it any more, and it is out of the meta group.
   */
  async leave(id: string, options: RequestOptions): Promise<void> {
    const { clock, settings, logger } = this.#ctx;
    const deadline = clock.now() + settings.leaveTimeoutMs;
    await this.#o.router.onGroupLeader({
      group: META_GROUP,
      options,
      deadline,
      idempotent: true,
      remote: (peer, until) => peer.leave(id, until),
      local: async (r) => {
        const member = r.sm.member(id);
        if (!member) {
          const ids = r.sm.members().map((m) => m.id);
          throw new RingkvError(
            "NotMember",
            `${id} is not a member of the cluster (members: ${ids.join(", ")}); if it was, it has left already`,
          );
        }
        const active = r.sm.members().filter((m) => !m.leaving);
        if (!member.leaving && active.length <= 1) {
          throw new RingkvError("InvalidArgument", `${id} is the last member; it cannot leave`);
        }
        if (!member.leaving) {
          await this.#o.proposer.propose(r, { setMember: { ...member, leaving: true } });
          logger.info({ member: id }, "member leaving: moving its replicas off");
        }
        while (r.sm.member(id)) {
          if (!r.isLeader()) throw new RingkvError("NotLeader", "meta leadership moved during the leave");
          if (clock.now() > deadline) {
            throw new RingkvError("Timeout", `${id} is still leaving; its replicas are moving (see status)`);
          }
          await sleep(clock, settings.tickMs);
        }
      },
    });
  }

  /**
   * Keep this node's member record true to how it was started: the record is written at
   * bootstrap or join, but a node restarted with another --advertise / --advertise-http must
   * be found at the new address by the other members and by clients. When the meta log lists
   * this node with other addresses, it asks the meta leader (the idempotent join) to record the
   * current ones; one request at a time, again after statusFanOutMs if one failed.
   */
  refreshOwnRecord(): void {
    const { meta, clock, settings, logger } = this.#ctx;
    const { me, stopping } = this.#o;
    if (stopping() || this.#recording.kind === "busy") return;
    if (clock.now() - this.#recording.failedAt < settings.statusFanOutMs) return;
    const recorded = meta.sm.member(me.id);
    if (!recorded || recorded.leaving) return;
    if (recorded.addr === me.addr && recorded.http === me.http) return;
    this.#recording = { kind: "busy" };
    const was = { addr: recorded.addr, http: recorded.http };
    this.join(me, {}).then(
      () => {
        this.#recording = { kind: "idle", failedAt: Number.NEGATIVE_INFINITY };
        logger.info(
          { was, now: { addr: me.addr, http: me.http } },
          "own member record updated to the advertised addresses",
        );
      },
      (e: unknown) => {
        this.#recording = { kind: "idle", failedAt: clock.now() };
        logger.warn({ err: toRingkvError(e).message }, "could not update own member record yet");
      },
    );
  }

  /** Ask the members at `addresses` (in turn, with backoff) to add this node. */
  async joinCluster(addresses: readonly string[]): Promise<void> {
    const { clock, settings, logger, peers } = this.#ctx;
    const { me, addressBook, stopping } = this.#o;
    let lastError: unknown = null;
    const until = clock.now() + settings.joinCatchUpMs;
    for (let attempt = 0; clock.now() < until && !stopping(); attempt++) {
      for (const addr of addresses) {
        if (stopping()) break;
        try {
          // Learn the members' addresses first: until this node has replayed the meta log it has
          // no address book, and the leaders' replication needs our answers to reach them.
          const status = await peers.get(addr).membership(clock.now() + settings.requestTimeoutMs);
          this.#o.addresses.setAll(status.members);
          addressBook?.save(status.members);
          const { members, epoch } = await peers
            .get(addr)
            .join(me, clock.now() + settings.requestTimeoutMs, false);
          this.#o.addresses.setAll(members);
          if (epoch) this.#o.removalWatch.joined(epoch);
          addressBook?.save(members, epoch ?? 0);
          logger.info({ via: addr }, "joined the cluster");
          return;
        } catch (e) {
          lastError = e;
          logger.warn({ via: addr, err: toRingkvError(e).message }, "join attempt failed");
        }
      }
      await sleep(clock, Math.min(settings.joinBackoffMaxMs, settings.joinBackoffMs * 2 ** attempt));
    }
    throw new RingkvError(
      "Unavailable",
      `could not join via ${addresses.join(",")}: ${toRingkvError(lastError).message}`,
    );
  }

  /**
   * On the meta leader: finish the leave of every member marked leaving that no shard holds
   * any more (as the shards' leaders report it): out of the meta group, then off the list.
   */
  finishLeaves(): void {
    const { meta: r, logger } = this.#ctx;
    if (!this.#leaves.is("idle") || !r.isLeader()) return;
    const leaving = r.sm.members().filter((m) => m.leaving);
    if (leaving.length === 0) return;
    this.#leaves.become({ kind: "finishing", members: leaving.map((m) => m.id) });
    void (async () => {
      const status = await this.#o.status();
      for (const m of leaving) {
        const holds = status.shards.some(
          (s) => s.leader === "" || s.replicas.includes(m.id) || s.learners.includes(m.id),
        );
        if (holds) continue;
        const cs = r.raw.confState();
        // The meta group's own replacement must be a voter first: removing the leaver before
        // that shrinks meta below its placement (seen as timing shifted, sim:cluster seed 101).
        const target = this.#ctx.view.target(META_GROUP);
        const metaVoters = target
          ? plannedConf(target, { voters: cs.voters, leader: this.#ctx.id }).voters
          : [];
        if (!metaVoters.every((v) => v === m.id || cs.voters.includes(v))) continue;
        if (cs.voters.includes(m.id) || cs.learners.includes(m.id)) {
          await this.#o.proposer.changeConf(r, ConfChangeType.RemoveNode, m.id);
        }
        await this.#o.proposer.propose(r, { removeMember: m.id });
        logger.info({ member: m.id }, "member left");
      }
    })()
      .catch((e: unknown) => logger.warn({ err: toRingkvError(e).message }, "finishing a leave failed"))
      .finally(() => this.#leaves.become({ kind: "idle" }));
  }
}
