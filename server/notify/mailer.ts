/**
 * What the rest of Acuback knows about sending e-mail: a message goes to one
 * address and comes back sent or failed with a short code. Only
 * smtpMailer.ts knows that nodemailer does the work, so the library can be
 * changed without touching reminders or links, and tests can point the same
 * code at a real SMTP server on loopback.
 */

export interface EmailAttachment {
  filename: string;
  /** e.g. "text/calendar; charset=utf-8; method=PUBLISH" */
  contentType: string;
  content: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** Plain text only: no HTML, no images fetched from anywhere, nothing that tracks whether it was opened. */
  text: string;
  attachments?: EmailAttachment[];
}

/**
 * How a delivery to the clinic's SMTP server ended. `errorCode` is the SMTP
 * reply code ("550") or the connection's error name ("ECONNREFUSED"), never
 * the server's reply text, which often repeats the address.
 */
export type Delivery = { outcome: "sent" } | { outcome: "failed"; errorCode: string };

export interface Mailer {
  send(email: OutgoingEmail): Promise<Delivery>;
  /** Closes pooled connections (on shutdown). */
  close(): void;
}

/** The SMTP settings from the environment (server/config.ts reads and checks them). */
export interface SmtpSettings {
  url: URL;
  /** The From: header, e.g. "Riverside Acupuncture <front-desk@riverside.example>". */
  from: string;
}
