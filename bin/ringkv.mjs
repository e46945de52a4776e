#!/usr/bin/env node
// The `ringkv` binary. ringkv runs its TypeScript sources through tsx rather than shipping a
// compiled copy: one source of truth, no stale build, and tests run exactly what users run.
import { register } from "tsx/esm/api";

register();
await import("../cli/main.ts");
