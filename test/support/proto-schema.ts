// proto/*.proto parsed at test time (protobufjs reflection), to check the generated code and the
// hand-kept tables (service specs, enum mappings) against the schema itself. The package never
// does this at run time: it ships the static code of src/api/generated.
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

export const PROTO_DIR = fileURLToPath(new URL("../../proto/", import.meta.url));

const roots = new Map<string, protobuf.Root>();

/** The parsed schema of proto/<file> (cached). */
export function protoRoot(file: string): protobuf.Root {
  let root = roots.get(file);
  if (!root) {
    root = protobuf.loadSync(PROTO_DIR + file);
    root.resolveAll();
    roots.set(file, root);
  }
  return root;
}
