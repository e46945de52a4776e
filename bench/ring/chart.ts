// A small hand-written SVG line chart: panels side by side, log-scaled x (member counts),
// linear y with reference lines; points above the y range are pinned to the top edge and
// labelled with their value so that nothing is silently cut off.

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly points: readonly (readonly [x: number, y: number])[];
}

export interface Reference {
  readonly y: number;
  readonly label: string;
}

export interface Panel {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xTicks: readonly number[];
  readonly yRange: readonly [min: number, max: number];
  readonly yTicks: readonly number[];
  readonly series: readonly Series[];
  readonly references: readonly Reference[];
}

const panelWidth = 430;
const panelHeight = 400;
const plot = { left: 60, top: 40, width: 340, height: 220 };

export function chartSvg(panels: readonly Panel[], caption: string): string {
  const width = panelWidth * panels.length;
  const height = panelHeight + 30;
  const body = panels.map((panel, index) => panelSvg(panel, index * panelWidth)).join("\n");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    body,
    `<text x="10" y="${height - 10}" fill="#555">${escapeXml(caption)}</text>`,
    "</svg>",
    "",
  ].join("\n");
}

function panelSvg(panel: Panel, offsetX: number): string {
  const [xMin, xMax] = [Math.min(...panel.xTicks), Math.max(...panel.xTicks)];
  const [yMin, yMax] = panel.yRange;
  const x = (value: number) =>
    plot.left + ((Math.log10(value) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * plot.width;
  const y = (value: number) =>
    plot.top + plot.height - ((Math.min(value, yMax) - yMin) / (yMax - yMin)) * plot.height;
  const parts: string[] = [`<g transform="translate(${offsetX},0)">`];
  parts.push(
    `<text x="${plot.left}" y="22" font-size="13" font-weight="bold">${escapeXml(panel.title)}</text>`,
  );
  parts.push(
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#999"/>`,
  );
  for (const tick of panel.yTicks) {
    parts.push(
      `<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`,
      `<text x="${plot.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  for (const tick of panel.xTicks) {
    parts.push(`<text x="${x(tick)}" y="${plot.top + plot.height + 15}" text-anchor="middle">${tick}</text>`);
  }
  parts.push(
    `<text x="${plot.left + plot.width / 2}" y="${plot.top + plot.height + 32}" text-anchor="middle">${escapeXml(panel.xLabel)}</text>`,
    `<text transform="translate(16,${plot.top + plot.height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(panel.yLabel)}</text>`,
  );
  for (const reference of panel.references) {
    const ry = y(reference.y);
    parts.push(
      `<line x1="${plot.left}" x2="${plot.left + plot.width}" y1="${ry}" y2="${ry}" stroke="#c00" stroke-dasharray="6 3"/>`,
      `<text x="${plot.left + plot.width - 4}" y="${ry - 4}" text-anchor="end" fill="#c00">${escapeXml(reference.label)}</text>`,
    );
  }
  panel.series.forEach((series, index) => {
    const path = series.points.map(
      ([px, py], i) => `${i === 0 ? "M" : "L"}${x(px).toFixed(1)},${y(py).toFixed(1)}`,
    );
    const dash = series.dashed === true ? ' stroke-dasharray="4 3"' : "";
    parts.push(`<path d="${path.join(" ")}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    for (const [px, py] of series.points) {
      if (py > yMax) {
        const tx = x(px);
        parts.push(
          `<path d="M${tx - 5},${plot.top + 6} L${tx + 5},${plot.top + 6} L${tx},${plot.top - 2} Z" fill="${series.color}"/>`,
          `<text x="${tx + 7}" y="${plot.top + 8 + 11 * index}" fill="${series.color}">${py.toFixed(2)}</text>`,
        );
      } else {
        parts.push(
          `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="2.5" fill="${series.color}"/>`,
        );
      }
    }
    const legendY = plot.top + plot.height + 50 + 14 * index;
    parts.push(
      `<line x1="${plot.left}" x2="${plot.left + 22}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${series.color}" stroke-width="2"${dash}/>`,
      `<text x="${plot.left + 28}" y="${legendY}">${escapeXml(series.name)}</text>`,
    );
  });
  parts.push("</g>");
  return parts.join("\n");
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
