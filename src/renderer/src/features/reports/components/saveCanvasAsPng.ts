/**
 * Saves a chart's canvas as a PNG file through the browser's download (Electron asks where).
 * Charts draw on a transparent canvas; the copy gets the card's colour behind it (white, or the
 * dark card whose light text the chart was drawn with), so the image reads the same in any viewer.
 */
export function saveCanvasAsPng(
  canvas: HTMLCanvasElement,
  fileName: string,
  background: string
): void {
  const copy = document.createElement('canvas')
  copy.width = canvas.width
  copy.height = canvas.height
  const context = copy.getContext('2d')
  if (!context) return
  context.fillStyle = background
  context.fillRect(0, 0, copy.width, copy.height)
  context.drawImage(canvas, 0, 0)
  const link = document.createElement('a')
  link.href = copy.toDataURL('image/png')
  link.download = fileName
  link.click()
}
