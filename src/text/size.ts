/** "1 MiB", "32 MiB", "512 kB": a limit as a message says it. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} kB`;
}
