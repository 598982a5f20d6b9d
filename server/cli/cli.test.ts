/** The `acuback` command as a person runs it: a real process on a real data directory. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { syntheticNppesLines } from "../../scripts/nppes/syntheticNppes.ts";
import { listMigrations } from "../db/migrate.ts";
import { openDatabase } from "../db/openDatabase.ts";

const BIN = join(import.meta.dirname, "..", "..", "bin", "acuback.mjs");

function acuback(args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    ...(input !== undefined && { input }),
    env: { ...process.env, DATABASE_URL: "", ACUBACK_PASSWORD: "", ACUBACK_DEMO_PASSWORD: "", ...env },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe("acuback CLI", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "acuback-cli-"));
  const env = { ACUBACK_DATA_DIR: dataDir };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("has help for the command and each subcommand", () => {
    const top = acuback(["--help"]);
    assert.equal(top.code, 0);
    for (const command of ["serve", "migrate", "create-user", "set-password", "reset-two-factor", "demo", "points", "score", "safety", "import", "directory", "export", "audit"]) {
      assert.match(top.out, new RegExp(`\\b${command}\\b`));
      const sub = acuback([command, "--help"]);
      assert.equal(sub.code, 0, command);
      assert.match(sub.out, /Usage: acuback/);
    }
  });

  it("points search, show and list answer from the atlas", () => {
    const found = acuback(["points", "search", "ub", "23"]);
    assert.equal(found.code, 0, found.out);
    assert.match(found.out, /^BL23\s+Shènshù\s+腎俞\s+Kidney Shu/m);
    const shown = acuback(["points", "show", "Bladder 23", "--json"]);
    assert.equal(JSON.parse(shown.out).code, "BL23");
    assert.match(acuback(["points", "show", "weizhong"]).out, /No point answers/);
    assert.equal(acuback(["points", "show", "weizhong"]).code, 1);
    const all = JSON.parse(acuback(["points", "list", "--json"]).out);
    assert.equal(all.length, 421);
    assert.ok(all.every((p: { location: string; english: string }) => p.location && p.english));
  });

  it("score prints the score, band and rule, and refuses incomplete answers", () => {
    const odi = acuback(["score", "odi", "--answers", "[3,2,1,2,2,1,2,null,2,1]"]);
    assert.equal(odi.code, 0, odi.out);
    assert.match(odi.out, /35\.6% \(moderate disability\)/);
    const json = JSON.parse(acuback(["score", "start-back", "--answers", "[0,0,0,0,1,1,1,0,3]", "--json"]).out);
    assert.equal(json.score.band, "high risk");
    const incomplete = acuback(["score", "peg", "--answers", "[5,null,7]"]);
    assert.equal(incomplete.code, 1);
    assert.match(incomplete.out, /missing: E/);
    assert.equal(acuback(["score", "odi", "--answers", "not json"]).code, 2);
  });

  it("coverage check and code read a visit on stdin and print the NCD result and the claim lines; bad fields exit 2", () => {
    const visit = {
      visitDate: "2026-06-01",
      episode: { onsetDate: "2026-01-10", region: "low-back", systemicCause: false, surgeryAssociated: false, pregnancyAssociated: false },
      priorVisits: ["2026-05-04", "2026-05-11"],
      status: "improving",
      furnishedBy: "acupuncturist-incident-to",
      modality: "acupuncture",
      musclesTreated: null,
      increments: [
        { minutes: 15, estim: false, reinsertion: false },
        { minutes: 15, estim: false, reinsertion: true },
      ],
    };
    const checked = acuback(["coverage", "check", "--json"], {}, JSON.stringify(visit));
    assert.equal(checked.code, 0, checked.out);
    const result = JSON.parse(checked.out);
    assert.equal(result.covered, true);
    assert.equal(result.visitInWindow, 3);
    assert.equal(result.visitInYear, 3);
    assert.deepEqual(result.modifiers, []);
    assert.ok(result.reasons.length > 0 && Array.isArray(result.warnings));
    const coded = acuback(["coverage", "code", "--json"], {}, JSON.stringify(visit));
    assert.equal(coded.code, 0, coded.out);
    assert.deepEqual(
      JSON.parse(coded.out).lines.map((l: { code: string; units: number; modifiers: string[] }) => [l.code, l.units, l.modifiers]),
      [["97810", 1, []], ["97811", 1, []]],
    );
    const bad = acuback(["coverage", "check", "--json"], {}, JSON.stringify({ ...visit, status: "better", modality: "reiki" }));
    assert.equal(bad.code, 2);
    assert.match(bad.out, /status: One of/);
    assert.match(bad.out, /modality: One of/);
    assert.equal(acuback(["coverage", "code"], {}, "not json").code, 2);
    assert.match(acuback(["coverage", "check", "--help"]).out, /"furnishedBy": "acupuncturist-incident-to"/);
  });

  it("safety check prints the findings as JSON, an empty list when nothing applies, and refuses unknown names", () => {
    const checked = acuback(["safety", "check", "--flags", "pregnancy,implanted-device", "--points", "BL23,UB 25,LI4", "--estim", "BL23-BL25", "--json"]);
    assert.equal(checked.code, 0, checked.out);
    const { findings } = JSON.parse(checked.out);
    assert.deepEqual(
      findings.map((f: { severity: string; rule: string; points: string[] }) => [f.severity, f.rule, f.points]),
      [
        ["block", "pregnancy-forbidden-point", ["LI4"]],
        ["block", "implanted-device-estim", ["BL23", "BL25"]],
        ["caution", "pregnancy-lumbosacral-abdominal", ["BL23", "BL25"]],
      ],
    );
    for (const f of findings) assert.deepEqual(Object.keys(f), ["severity", "rule", "points", "message", "source"]);
    assert.ok(findings.every((f: { message: string; source: string }) => f.message.length > 20 && f.source.length > 5));

    const text = acuback(["safety", "check", "--flags", "pregnancy", "--points", "LI4"]);
    assert.equal(text.code, 0, text.out);
    assert.match(text.out, /^BLOCK\s+pregnancy-forbidden-point\s+\[LI4\]/m);
    assert.match(text.out, /Source: WHO \(1999\) on pregnancy; Carr 2015/);

    assert.deepEqual(JSON.parse(acuback(["safety", "check", "--points", "BL23,BL25", "--json"]).out), { findings: [] });
    const wholeTreatment = acuback(["safety", "check", "--flags", "anticoagulants", "--points", "BL23", "--side", "left"]);
    assert.match(wholeTreatment.out, /^CAUTION\s+anticoagulants\n\s+Takes anticoagulants/m);
    assert.match(acuback(["safety", "check", "--points", "BL23"]).out, /No findings: nothing in the safety rules applies\./);

    const unknown = acuback(["safety", "check", "--flags", "pregnant", "--points", "BL23,QQ12", "--json"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /unknown flags: pregnant; unknown points: QQ12\./);
    assert.match(unknown.out, /Known flags: .*pregnancy/);
    const badPair = acuback(["safety", "check", "--points", "BL23", "--estim", "BL23-BL99"]);
    assert.equal(badPair.code, 2);
    assert.match(badPair.out, /unknown points: BL99/);
    assert.equal(acuback(["safety", "check", "--points", "BL23", "--depth", "BL23=25"]).code, 2);
    assert.match(acuback(["safety", "check", "--points", "BL23", "--estim", "BL23-BL25"]).out, /BL25, not in --points/);
  });

  it("serve refuses to serve a network without the public address, and on an empty database says how to make the first owner", async () => {
    const refused = acuback(["serve", "--host", "0.0.0.0", "--port", "0"], env);
    assert.equal(refused.code, 2, refused.out);
    assert.match(refused.out, /needs ACUBACK_PUBLIC_URL/);
    const empty = mkdtempSync(join(tmpdir(), "acuback-empty-"));
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], { env: { ...process.env, DATABASE_URL: "", ACUBACK_DATA_DIR: empty } });
    try {
      let out = "";
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up lines: ${out}`)), 60_000);
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (/create-user --create-clinic/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      assert.match(out, /Acuback is running: open http:\/\/localhost:\d+/);
      assert.match(out, /No clinic or account exists yet/);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("import nppes reads a generated file (report as JSON), refuses a non-NPPES file, and directory search finds its providers", () => {
    // Its own data directory: the migrate test below expects a fresh one.
    const own = mkdtempSync(join(tmpdir(), "acuback-cli-nppes-"));
    after(() => rmSync(own, { recursive: true, force: true }));
    const env = { ACUBACK_DATA_DIR: own };
    const file = join(own, "npidata_pfile_20250602-20250608.csv");
    writeFileSync(file, [...syntheticNppesLines({ rows: 2000, acupuncturistShare: 0.1, seed: 3, malformed: 1 })].join(""));
    const imported = acuback(["import", "nppes", file, "--json"], env);
    assert.equal(imported.code, 0, imported.out);
    const report = JSON.parse(imported.out);
    assert.equal(report.rowsRead, 2000);
    assert.ok(report.imported > 100, String(report.imported));
    assert.equal(report.malformed.count, 1);
    assert.equal(typeof report.malformed.rows[0].line, "number");
    const again = JSON.parse(acuback(["import", "nppes", file, "--json"], env).out);
    assert.deepEqual([again.imported, again.updated, again.removed], [0, 0, 0]);

    const notNppes = join(own, "contacts.csv");
    writeFileSync(notNppes, "name,zip\nSam,98101\n");
    const refused = acuback(["import", "nppes", notNppes], env);
    assert.equal(refused.code, 2);
    assert.match(refused.out, /not an NPPES provider file: missing NPI; Entity Type Code/);

    const found = JSON.parse(acuback(["directory", "search", "--zip", "10001", "--radius", "100", "--json"], env).out);
    assert.ok(found.results.length > 0);
    assert.ok(found.results.every((r: { miles: number }) => r.miles <= 100));
    assert.match(acuback(["directory", "search", "--zip", "10001", "--radius", "100"], env).out, /mi {2}.*NPI \d{10}[\s\S]*proves neither a licence/);
    assert.equal(acuback(["directory", "search", "--zip", "00000"], env).code, 2);
    assert.notEqual(acuback(["directory", "search", "--zip", "10001", "--radius", "101"], env).code, 0);
  });

  it("migrate creates the schema and is idempotent", () => {
    const first = acuback(["migrate"], env);
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, new RegExp(`${listMigrations().length} applied now`));
    assert.match(acuback(["migrate"], env).out, /0 applied now/);
  });

  it("create-user makes a clinic and an account, printing a generated password", () => {
    const missing = acuback(["create-user", "--email", "a@x.test", "--name", "A", "--clinic", "Nowhere"], env);
    assert.equal(missing.code, 1);
    assert.match(missing.out, /--create-clinic/);
    const made = acuback(["create-user", "--email", "owner@x.test", "--name", "O", "--role", "owner", "--clinic", "X Clinic", "--create-clinic"], env);
    assert.equal(made.code, 0, made.out);
    assert.match(made.out, /Created owner owner@x.test in X Clinic/);
    assert.match(made.out, /Password: \S{10,}/);
    const again = acuback(["create-user", "--email", "owner@x.test", "--name", "O", "--clinic", "X Clinic"], env);
    assert.equal(again.code, 1);
    const badRole = acuback(["create-user", "--email", "b@x.test", "--name", "B", "--role", "admin", "--clinic", "X Clinic"], env);
    assert.notEqual(badRole.code, 0);
    assert.match(badRole.out, /owner, practitioner, front_desk/);
  });

  it("demo loads once and says so the second time", () => {
    const loaded = acuback(["demo", "--password", "demo password 1357"], env);
    assert.equal(loaded.code, 0, loaded.out);
    assert.match(loaded.out, /practitioner@demo.acuback.org/);
    assert.match(loaded.out, /demo password 1357/);
    assert.match(acuback(["demo"], env).out, /already loaded/);
  });

  it("export research writes the de-identified CSV files and their dictionary; an unknown clinic exits 2", () => {
    const out = join(dataDir, "research");
    const written = acuback(["export", "research", "--clinic", "Riverside Acupuncture (demo)", "--out", out], env);
    assert.equal(written.code, 0, written.out);
    assert.match(written.out, /visits\.csv \d+/);
    const visits = readFileSync(join(out, "visits.csv"), "utf8");
    assert.match(visits.split("\r\n")[0]!, /^patient,episode,visit,day,modality/);
    assert.doesNotMatch(visits, /Alvarez|\d{4}-\d{2}-\d{2}/);
    assert.ok(readFileSync(join(out, "data_dictionary.csv"), "utf8").includes("zip3"));
    assert.equal(acuback(["export", "research", "--clinic", "No such clinic", "--out", out], env).code, 2);
  });

  it("export clinic writes the clinic's own identified records, a CSV file a table, without password hashes", () => {
    const out = join(dataDir, "clinic");
    const written = acuback(["export", "clinic", "--clinic", "Riverside Acupuncture (demo)", "--out", out], env);
    assert.equal(written.code, 0, written.out);
    assert.match(written.out, /Wrote Riverside Acupuncture \(demo\)'s records to .*: \d+ files, \d+ rows/);
    assert.match(readFileSync(join(out, "patients.csv"), "utf8"), /Alvarez,1968-04-12/);
    assert.doesNotMatch(readFileSync(join(out, "users.csv"), "utf8"), /password|\$argon2|\$scrypt/);
    assert.equal(acuback(["export", "clinic", "--clinic", "No such clinic", "--out", out], env).code, 2);
  });

  it("set-password replaces the password and refuses a weak one", () => {
    assert.equal(acuback(["set-password", "--email", "owner@demo.acuback.org", "--password", "short"], env).code, 1);
    const changed = acuback(["set-password", "--email", "owner@demo.acuback.org", "--password", "a brand new passphrase"], env);
    assert.equal(changed.code, 0, changed.out);
    assert.equal(acuback(["set-password", "--email", "nobody@x.test"], env).code, 1);
  });

  it("reset-two-factor clears an account's authenticator and recovery codes, audited, and says when there was none", async () => {
    const db = await openDatabase({ dataDir });
    const [owner] = await db.query<{ id: string; clinic_id: string }>("select id, clinic_id from users where email = 'owner@demo.acuback.org'");
    await db.query("insert into two_factor_credentials (user_id, clinic_id, secret_sealed, confirmed_at) values ($1, $2, 'v1.sealed', now())", [owner!.id, owner!.clinic_id]);
    await db.query("insert into recovery_codes (clinic_id, user_id, code_hash) values ($1, $2, 'a hash')", [owner!.clinic_id, owner!.id]);
    await db.close();
    const cleared = acuback(["reset-two-factor", "--email", "owner@demo.acuback.org"], env);
    assert.equal(cleared.code, 0, cleared.out);
    assert.match(cleared.out, /Two-factor sign-in cleared for owner@demo.acuback.org/);
    assert.match(acuback(["reset-two-factor", "--email", "owner@demo.acuback.org"], env).out, /does not use two-factor sign-in; nothing changed/);
    assert.equal(acuback(["reset-two-factor", "--email", "nobody@x.test"], env).code, 1);
    const after = await openDatabase({ dataDir });
    try {
      assert.equal((await after.query("select 1 from two_factor_credentials union all select 1 from recovery_codes")).length, 0);
      const audited = await after.query<{ user_id: string | null; entity_id: string; detail: { by: string } }>(
        "select user_id, entity_id, detail from audit_events where action = 'reset' and entity = 'two_factor'",
      );
      assert.deepEqual(audited, [{ user_id: null, entity_id: owner!.id, detail: { by: "command line" } }]);
    } finally {
      await after.close();
    }
  });

  it("remove-demo says what it would remove, removes it with --yes, and leaves the clinic made with create-user", () => {
    const dry = acuback(["remove-demo"], env);
    assert.equal(dry.code, 0, dry.out);
    assert.match(dry.out, /would remove the demo clinic "Riverside Acupuncture \(demo\)"/);
    const removed = acuback(["remove-demo", "--yes"], env);
    assert.equal(removed.code, 0, removed.out);
    assert.match(removed.out, /Removed the demo clinic "Riverside Acupuncture \(demo\)": \d+ rows in \d+ tables/);
    assert.match(acuback(["remove-demo", "--yes"], env).out, /no demo clinic/);
    assert.equal(acuback(["set-password", "--email", "owner@demo.acuback.org", "--password", "another new passphrase"], env).code, 1);
    assert.equal(acuback(["set-password", "--email", "owner@x.test", "--password", "another new passphrase"], env).code, 0);
  });
});
