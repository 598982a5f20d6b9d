/**
 * A real SMTP server on loopback for tests (the smtp-server package), which
 * keeps every message that arrives, parsed by mailparser as a mail client
 * would read it. It can refuse recipients (550), as a clinic's server does
 * for an address it will not take.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { SmtpSettings } from "../notify/mailer.ts";

export interface SmtpCatcher {
  /** What the app is configured with: the catcher's address, with the credentials it accepts. */
  settings: SmtpSettings;
  received: ParsedMail[];
  /** Recipients refused from now on (true) or accepted again (false). */
  refuseRecipients(refuse: boolean): void;
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const received: ParsedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "clinic" && auth.password === "s3cret/pass") return callback(null, { user: "clinic" });
      return callback(new Error("Invalid username or password"));
    },
    onRcptTo(_address, _session, callback) {
      if (refusing) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      return callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    // The password has a slash, percent-encoded as the README says.
    settings: { url: new URL(`smtp://clinic:s3cret%2Fpass@127.0.0.1:${port}`), from: "Test Clinic <desk@clinic.test>" },
    received,
    refuseRecipients: (refuse) => {
      refusing = refuse;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
