/**
 * The Mailer over the clinic's own SMTP server, with nodemailer (a maintained
 * library that speaks SMTP, STARTTLS and AUTH). Timeouts are short so a
 * server that stops answering delays one reminder run, not the next.
 */
import nodemailer from "nodemailer";
import type { Delivery, Mailer, OutgoingEmail, SmtpSettings } from "./mailer.ts";

export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({ url: settings.url.href, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from: settings.from });
  return {
    async send(email: OutgoingEmail): Promise<Delivery> {
      try {
        await transport.sendMail({
          to: email.to,
          subject: email.subject,
          text: email.text,
          attachments: (email.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
        return { outcome: "sent" };
      } catch (error) {
        return { outcome: "failed", errorCode: errorCodeOf(error) };
      }
    },
    close: () => transport.close(),
  };
}

/** The SMTP reply code, else the error's code name; the reply's text is never kept (it can quote the address). */
export function errorCodeOf(error: unknown): string {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === "number" && Number.isInteger(responseCode)) return String(responseCode);
  if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,31}$/.test(code)) return code;
  return "UNKNOWN";
}
