// A hand-written SVG line chart: percent of members reached per round, one line per cluster
// size, with the round target marked. No chart library: the file is small enough to read.

export interface Series {
  readonly label: string;
  /** (round, percent 0–100) pairs, rounds ascending; rounds may be fractional. */
  readonly points: readonly (readonly [round: number, percent: number])[];
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 64, right: 150, top: 48, bottom: 56 };
const COLORS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a"];

export function renderChart(series: readonly Series[], maxRounds: number, targetRound: number): string {
  // Show a little past the slowest series' arrival at 100%, but at least past the target.
  const full = series.map((s) => s.points.find(([, percent]) => percent >= 100)?.[0] ?? maxRounds);
  const lastUseful = Math.ceil(Math.max(targetRound + 2, ...full.map((round) => round + 2)));
  const rounds = Math.min(maxRounds, lastUseful);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (round: number) => MARGIN.left + (round / rounds) * plotWidth;
  const y = (percent: number) => MARGIN.top + (1 - percent / 100) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">One update: % of members reached per round (mean over trials)</text>`,
  ];
  for (let percent = 0; percent <= 100; percent += 20) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(percent)}" y2="${y(percent)}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(percent) + 4}" text-anchor="end">${percent}%</text>`,
    );
  }
  for (let round = 0; round <= rounds; round++) {
    parts.push(
      `<text x="${x(round)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${round}</text>`,
    );
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${y(0)}" y2="${y(100)}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">rounds (probe periods) since the update was written</text>`,
    `<line x1="${x(targetRound)}" x2="${x(targetRound)}" y1="${y(0)}" y2="${y(100)}" stroke="#999" stroke-dasharray="5,4"/>`,
    `<text x="${x(targetRound) + 4}" y="${y(100) + 14}" fill="#666">target: ${targetRound} rounds</text>`,
  );
  series.forEach((s, index) => {
    const color = COLORS[index % COLORS.length];
    const points = s.points
      .filter(([round]) => round <= rounds)
      .map(([round, percent]) => `${x(round).toFixed(1)},${y(percent).toFixed(1)}`)
      .join(" ");
    const legendY = MARGIN.top + 20 + index * 22;
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2.5"/>`,
      `<line x1="${WIDTH - MARGIN.right + 16}" x2="${WIDTH - MARGIN.right + 40}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2.5"/>`,
      `<text x="${WIDTH - MARGIN.right + 46}" y="${legendY + 4}">${s.label}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
