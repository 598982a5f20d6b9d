/**
 * A QR code drawn here, as an SVG data: URL the page shows in an <img> (the
 * CSP allows data: images). The otpauth:// address holds the account's
 * secret, so it is never sent to a drawing service on the internet.
 */
import QRCode from "qrcode";

export async function qrCodeDataUrl(text: string): Promise<string> {
  // Four modules of quiet zone, as ISO/IEC 18004 asks, so phone cameras find the code on any background.
  const svg = await QRCode.toString(text, { type: "svg", margin: 4, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
