/**
 * Text-message (SMS) reminders: the interface an adapter for a provider
 * would fill. There is no adapter. Every SMS provider is an account with a
 * vendor reached over the internet, and none can be reached from the machine
 * Acuback is built and tested on (only the npm and Debian mirrors are), so an
 * adapter here could not be tested against the real thing. The README's
 * configuration section says so. An adapter returns the same Delivery as the
 * mailer, so sent_messages can log it with channel 'sms' once the
 * migration's check allows that channel.
 */
import type { Delivery } from "./mailer.ts";

export interface TextMessage {
  /** E.164, e.g. "+15035550123". */
  to: string;
  /** One short plain-text message; the same no-clinical-detail rule as e-mail reminders. */
  text: string;
}

export interface TextMessageProvider {
  readonly name: string;
  send(message: TextMessage): Promise<Delivery>;
}
