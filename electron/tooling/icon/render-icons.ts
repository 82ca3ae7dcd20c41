/**
 * Renders Keyhaven's app icon for every platform from the SVG drawings next to this file:
 *
 *   npx tsx electron/tooling/icon/render-icons.ts        (from the repository root)
 *
 * Writes, under electron/resources/ (where electron-builder looks for them):
 *   icons/NxN.png  the Linux icon set, N = 16 ... 1024, file names as electron-builder expects
 *   icon.png       1024 px, the same image as icons/1024x1024.png (also what a window icon can load)
 *   icon.icns      macOS, PNG elements 16 ... 1024 px including the @2x types (see icns.ts)
 *   icon.ico       Windows, PNG entries 16 ... 256 px (see ico.ts)
 * and renderer/public/icon.png (256 px), built into out/renderer: the page's favicon and the window
 * icon on Linux, where a window has no icon of its own until the app is installed.
 *
 * Two drawings: keyhaven-icon.svg (the master) and keyhaven-icon-small.svg, a pixel-aligned redraw
 * used at 32 px and below, where the master's keyhole and teeth blur. Two framings of each: macOS
 * keeps Apple's grid (an 824 px tile with a transparent margin and a shadow, as every Big Sur+ icon
 * has, so Keyhaven sits at the same size as its neighbours in the Dock); Windows and Linux show the
 * tile edge to edge, without the shadow, as most app icons there fill their square, and that keeps
 * 16 px legible. Both framings are cut from the same file, so the drawing exists once.
 *
 * Rendering uses Chromium through playwright-core (already a dev dependency) with Debian's Chromium,
 * or CHROMIUM_PATH. Every PNG is re-encoded by png.ts, so a run with the same drawings and the same
 * Chromium writes the same bytes.
 */
import type { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { encodeIco } from './ico';
import { encodeIcns, type IcnsPngType } from './icns';
import { recompressPng } from './png';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const OUT = join(ROOT, 'electron', 'resources');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** At and below this size the small drawing is used. */
const SMALL_MAX = 32;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Each icns element type with its pixel size; icp5/ic11 and icp6/ic12 share a render. */
const ICNS_ENTRIES: ReadonlyArray<[IcnsPngType, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

type Framing = 'mac' | 'flat';

const drawings = {
  master: readFileSync(join(HERE, 'keyhaven-icon.svg'), 'utf8'),
  small: readFileSync(join(HERE, 'keyhaven-icon-small.svg'), 'utf8'),
};

/** The SVG as the framing shows it. Fails loudly if the drawing no longer has what we cut along. */
function framed(svg: string, framing: Framing): string {
  if (framing === 'mac') return svg;
  const full = 'viewBox="0 0 1024 1024"';
  if (!svg.includes(full) || !svg.includes('id="shadow"')) {
    throw new Error(`the icon SVG must have ${full} and a #shadow group for the flat framing`);
  }
  // The tile spans 100..924; crop to it and drop the shadow, which lives in the margin.
  return svg
    .replace(full, 'viewBox="100 100 824 824"')
    .replace('</svg>', '<style>#shadow { display: none; }</style></svg>');
}

async function render(page: Page, svg: string, size: number): Promise<Buffer> {
  // The SVG is laid out at exactly size x size CSS px, so Chromium rasterises the vectors at the
  // target size (no bitmap downscaling), and the screenshot keeps the transparent background.
  await page.setContent(
    `<!doctype html><style>html, body { margin: 0; background: transparent; }
      svg { display: block; width: ${size}px; height: ${size}px; }</style>${svg}`,
  );
  const shot = await page.screenshot({
    clip: { x: 0, y: 0, width: size, height: size },
    omitBackground: true,
    animations: 'disabled',
  });
  return recompressPng(shot);
}

function write(path: string, bytes: Buffer, note: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  console.log(`${relative(ROOT, path).padEnd(40)} ${String(bytes.length).padStart(8)} B  ${note}`);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // --force-color-profile keeps colours independent of the machine's display profile.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--headless',
      '--force-color-profile=srgb',
    ],
  });
  const renders = new Map<string, Buffer>();
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
    const png = async (framing: Framing, size: number): Promise<Buffer> => {
      const key = `${framing}:${size}`;
      let bytes = renders.get(key);
      if (!bytes) {
        bytes = await render(page, framed(size <= SMALL_MAX ? drawings.small : drawings.master, framing), size);
        renders.set(key, bytes);
      }
      return bytes;
    };

    for (const size of LINUX_SIZES) {
      write(
        join(OUT, 'icons', `${size}x${size}.png`),
        await png('flat', size),
        `flat, ${size <= SMALL_MAX ? 'small' : 'master'}`,
      );
    }
    write(join(OUT, 'icon.png'), await png('flat', 1024), 'flat, master');
    // Served with the page (out/renderer/icon.png): its favicon, and the window icon on Linux.
    write(join(ROOT, 'renderer', 'public', 'icon.png'), await png('flat', 256), 'flat, master');

    const icns = [];
    for (const [type, size] of ICNS_ENTRIES) icns.push({ type, png: await png('mac', size) });
    write(join(OUT, 'icon.icns'), encodeIcns(icns), ICNS_ENTRIES.map(([type, size]) => `${type}=${size}`).join(' '));

    const ico = [];
    for (const size of ICO_SIZES) ico.push(await png('flat', size));
    write(join(OUT, 'icon.ico'), encodeIco(ico), ICO_SIZES.join(' '));
  } finally {
    await browser.close();
  }
}

await main();
