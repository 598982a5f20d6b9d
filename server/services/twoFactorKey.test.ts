import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { configFromEnv } from "../config.ts";
import { keysFrom, loadTwoFactorKeys, openSecret, recoveryCodeHash, sealSecret } from "./twoFactorKey.ts";

describe("the two-factor key", () => {
  const dir = mkdtempSync(join(tmpdir(), "acuback-key-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is made on first start in a file only its owner may read, and the same key is read back after", () => {
    const file = join(dir, "data", "two-factor.key");
    const first = loadTwoFactorKeys({ key: null, file });
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(readFileSync(file, "utf8"), /^[0-9a-f]{64}\n$/);
    const again = loadTwoFactorKeys({ key: null, file });
    assert.deepEqual(again.sealing, first.sealing);
    assert.notDeepEqual(first.sealing, first.recoveryCodes, "a key per use");
  });

  it("refuses a damaged key file rather than making a new key", () => {
    const file = join(dir, "damaged.key");
    writeFileSync(file, "not a key\n");
    assert.throws(() => loadTwoFactorKeys({ key: null, file }), /not 64 hex digits/);
    assert.equal(readFileSync(file, "utf8"), "not a key\n");
  });

  it("comes from ACUBACK_TWO_FACTOR_KEY (hex or base64) when set, and an unreadable value is refused without being repeated", () => {
    const key = randomBytes(32);
    assert.deepEqual(configFromEnv({ ACUBACK_TWO_FACTOR_KEY: key.toString("hex") }).twoFactorKey.key, key);
    assert.deepEqual(configFromEnv({ ACUBACK_TWO_FACTOR_KEY: key.toString("base64") }).twoFactorKey.key, key);
    assert.equal(configFromEnv({}).twoFactorKey.key, null);
    assert.match(configFromEnv({ ACUBACK_DATA_DIR: "/srv/acuback" }).twoFactorKey.file, /^\/srv\/acuback\/two-factor\.key$/);
    assert.throws(
      () => configFromEnv({ ACUBACK_TWO_FACTOR_KEY: "short-secret-value" }),
      (error: Error) => /ACUBACK_TWO_FACTOR_KEY must be 32 random bytes/.test(error.message) && !error.message.includes("short-secret-value"),
    );
  });

  it("seals a secret so that only the same key and the same account open it", () => {
    const keys = keysFrom(randomBytes(32));
    const secret = new Uint8Array(randomBytes(20));
    const sealed = sealSecret(keys, "account-a", secret);
    assert.ok(!sealed.includes(Buffer.from(secret).toString("base64url")));
    assert.notEqual(sealSecret(keys, "account-a", secret), sealed, "a fresh nonce every time");
    assert.deepEqual(openSecret(keys, "account-a", sealed), secret);
    assert.equal(openSecret(keys, "account-b", sealed), null, "copied onto another account's row");
    assert.equal(openSecret(keysFrom(randomBytes(32)), "account-a", sealed), null, "another key");
    const tampered = `${sealed.slice(0, -1)}${sealed.endsWith("A") ? "B" : "A"}`;
    assert.equal(openSecret(keys, "account-a", tampered), null, "tampered with");
  });

  it("hashes a recovery code under the key and the account: the same code elsewhere hashes differently", () => {
    const keys = keysFrom(randomBytes(32));
    const hash = recoveryCodeHash(keys, "account-a", "7KQ2MXR4TB");
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(recoveryCodeHash(keys, "account-a", "7KQ2MXR4TB"), hash);
    assert.notEqual(recoveryCodeHash(keys, "account-b", "7KQ2MXR4TB"), hash);
    assert.notEqual(recoveryCodeHash(keysFrom(randomBytes(32)), "account-a", "7KQ2MXR4TB"), hash);
  });
});
