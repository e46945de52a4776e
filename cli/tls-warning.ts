// grpc-js passes the target host as the TLS server name (SNI) even when it is an IP address, and
// Node then warns once per process (DEP0123, "Setting the TLS ServerName to an IP address is not
// permitted by RFC 6066"). Dialing nodes by IP is ringkv's normal case and certificates list IP
// addresses (checked by the identity check, which does not use SNI), so the line only alarms
// users: this process drops that one warning and lets every other through.
const IP_SERVERNAME_WARNING = "DEP0123";

export function dropIpServerNameWarning(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]): void => {
    const options = rest[0];
    const code =
      typeof options === "object" && options !== null ? (options as { code?: unknown }).code : rest[1];
    if (code === IP_SERVERNAME_WARNING) return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}
