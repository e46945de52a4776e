// Authentication and authorization of a node (issue 12): bearer tokens with roles from a token
// file, and the access every gRPC method and HTTP route needs. The servers call AuthGate.check
// through their interceptor and middleware (src/node/server/auth-interceptor.ts, http-server.ts);
// transport security plugs in through PeerIdentity.
//
// May import: `src/api`, `src/invariant.ts`, node: built-ins.
export { type Access, GRPC_ACCESS, grpcAccess, HTTP_ACCESS, httpAccess, UNLISTED_ACCESS } from "./access.ts";
export { AuthGate, type AuthLog, type Caller, type Credentials } from "./auth-gate.ts";
export { NO_PEER_IDENTITY, type PeerIdentity, type TransportAuthContext } from "./peer-identity.ts";
export { isRole, ROLES, type Role, roleAllows } from "./role.ts";
export { formatHash, generateToken, hashToken, TOKEN_BYTES_MAX, TOKEN_PREFIX } from "./token.ts";
export { formatTokenLine, isTokenName, parseTokenFile, TOKENS_MAX, type TokenEntry } from "./token-file.ts";
export { type TokenHolder, TokenStore } from "./token-store.ts";
