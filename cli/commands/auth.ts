// `ringkv auth add-token --role R --name N --file F`: make a new random token, append its hash
// to the token file (created, readable by its owner only, if absent) and print the token — the
// one time it is ever shown; the file keeps only its SHA-256. Nodes pick it up on SIGHUP.
import { appendFile, readFile } from "node:fs/promises";
import { type Command, InvalidArgumentError, Option } from "commander";
import { RingkvError } from "../../src/api/errors.ts";
import {
  formatTokenLine,
  generateToken,
  hashToken,
  isTokenName,
  parseTokenFile,
  ROLES,
  type Role,
  TOKENS_MAX,
} from "../../src/node/auth/index.ts";
import { Output } from "../output.ts";

/** Mode of a token file this command creates: hashes are not secrets, but nobody else's business. */
export const TOKEN_FILE_MODE = 0o600;

const FILE_HEADER =
  "# ringkv token file: NAME ROLE sha256:HASH (ringkv auth add-token); SIGHUP the nodes after editing\n";

interface AddTokenFlags {
  readonly role: Role;
  readonly name: string;
  readonly file: string;
  readonly json?: boolean;
}

export function registerAuth(program: Command): void {
  const auth = program.command("auth").description("manage the tokens of a cluster with authentication on");
  auth
    .command("add-token")
    .description("generate a token, append its hash to the token file and print the token once")
    .addOption(new Option("--role <role>", "what the token may do").choices(ROLES).makeOptionMandatory())
    .requiredOption(
      "--name <name>",
      "a name for the token (letters, digits, ._@-), shown in logs and errors",
      tokenName,
    )
    .requiredOption("--file <file>", "the token file the nodes read (--auth-file)")
    .addHelpText(
      "after",
      `
Roles: read (get, status, ring, metrics), write (read + put, del), admin (write + join, leave,
snapshot; also what nodes present to each other as RINGKV_PEER_TOKEN).

Example:
  $ ringkv auth add-token --role write --name ci --file tokens
  $ kill -HUP <pid of each node>       # the nodes reload the file`,
    )
    .action(async (flags: AddTokenFlags, command: Command) => {
      const json = (command.optsWithGlobals() as { json?: boolean }).json === true;
      const out = new Output(json);
      try {
        const token = await addToken(flags);
        out.result({ name: flags.name, role: flags.role, token, file: flags.file }, token);
        if (!json) {
          process.stderr.write(
            `added ${flags.role} token ${flags.name} to ${flags.file}; it is shown only this once. Send SIGHUP to the nodes to load it.\n`,
          );
        }
      } catch (e) {
        process.exitCode = out.failure(e);
      }
    });
}

function tokenName(text: string): string {
  if (!isTokenName(text)) throw new InvalidArgumentError("letters, digits and ._@- only, 1 to 64 of them");
  return text;
}

/** Append a new token of `flags.role` to `flags.file`; the token. */
export async function addToken(flags: { role: Role; name: string; file: string }): Promise<string> {
  let text = "";
  try {
    text = await readFile(flags.file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  // The file as it is must be valid (a node would refuse it), and must not know the name yet.
  const entries = parseTokenFile(flags.file, text);
  if (entries.some((e) => e.name === flags.name)) {
    throw new RingkvError(
      "InvalidArgument",
      `token file ${flags.file} already has a token named ${flags.name}`,
    );
  }
  if (entries.length >= TOKENS_MAX) {
    throw new RingkvError("InvalidArgument", `token file ${flags.file} already holds ${TOKENS_MAX} tokens`);
  }
  const token = generateToken();
  const line = formatTokenLine({ name: flags.name, role: flags.role, hash: hashToken(token) });
  const before = text === "" ? FILE_HEADER : text.endsWith("\n") ? "" : "\n";
  // One append: a node reloading meanwhile reads the file with or without the whole line.
  await appendFile(flags.file, before + line, { mode: TOKEN_FILE_MODE });
  return token;
}
