import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { configFromEnv, describeSmtp } from "../config.ts";
import { errorCodeOf } from "./smtpMailer.ts";

const smtp = (env: Record<string, string>) => configFromEnv(env).smtp;

describe("ACUBACK_SMTP_URL and ACUBACK_SMTP_FROM", () => {
  it("are off unless set: reminders are then listed for the desk to phone", () => {
    assert.equal(smtp({}), null);
    assert.match(describeSmtp(null), /not configured/);
  });

  it("read a server with credentials and a From address, and describe it without the credentials", () => {
    const settings = smtp({ ACUBACK_SMTP_URL: "smtp://desk:p%40ss@mail.clinic.example:587", ACUBACK_SMTP_FROM: " Riverside Acupuncture <front-desk@riverside.example> " })!;
    assert.equal(settings.url.hostname, "mail.clinic.example");
    assert.equal(decodeURIComponent(settings.url.password), "p@ss");
    assert.equal(settings.from, "Riverside Acupuncture <front-desk@riverside.example>");
    assert.equal(describeSmtp(settings), "e-mail through mail.clinic.example:587");
    assert.equal(describeSmtp(smtp({ ACUBACK_SMTP_URL: "smtps://mail.clinic.example", ACUBACK_SMTP_FROM: "desk@riverside.example" })), "e-mail through mail.clinic.example:465");
  });

  it("refuse a bad address with a clear message that never repeats the password", () => {
    const refuse = (env: Record<string, string>, message: RegExp) =>
      assert.throws(() => configFromEnv(env), (error: Error) => {
        assert.match(error.message, message);
        assert.ok(!error.message.includes("hunter2"), `the password leaked: ${error.message}`);
        return true;
      });
    const from = { ACUBACK_SMTP_FROM: "desk@riverside.example" };
    refuse({ ACUBACK_SMTP_URL: "smtp://desk:hunter2@mail host:587", ...from }, /ACUBACK_SMTP_URL is not an address Acuback can read .* smtp:\/\/user:password@/);
    refuse({ ACUBACK_SMTP_URL: "https://desk:hunter2@mail.clinic.example", ...from }, /must start with smtp:\/\/ or smtps:\/\/, not https:/);
    refuse({ ACUBACK_SMTP_URL: "smtp://desk:hunter2@mail.clinic.example:587/inbox", ...from }, /without a path/);
    refuse({ ACUBACK_SMTP_URL: "smtp://desk:hunter2@mail.clinic.example:587" }, /ACUBACK_SMTP_FROM is not/);
    refuse({ ACUBACK_SMTP_URL: "smtp://desk:hunter2@mail.clinic.example:587", ACUBACK_SMTP_FROM: "front desk" }, /ACUBACK_SMTP_FROM must be an e-mail address/);
    refuse({ ACUBACK_SMTP_FROM: "desk@riverside.example" }, /ACUBACK_SMTP_URL is not/);
    refuse({ ACUBACK_REMINDER_CHECK_MINUTES: "often" }, /ACUBACK_REMINDER_CHECK_MINUTES must be a whole number/);
  });

  it("keep an SMTP failure as its reply code or error name, never its text", () => {
    assert.equal(errorCodeOf(Object.assign(new Error("550 5.1.1 <ana@patient.test>: Recipient address rejected"), { responseCode: 550, code: "EENVELOPE" })), "550");
    assert.equal(errorCodeOf(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNREFUSED" })), "ECONNREFUSED");
    assert.equal(errorCodeOf(Object.assign(new Error("odd"), { code: "not a code; ana@patient.test" })), "UNKNOWN");
    assert.equal(errorCodeOf(null), "UNKNOWN");
  });
});
