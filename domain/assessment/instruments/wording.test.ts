import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NRS } from "./nrs.ts";
import { ODI } from "./odi.ts";
import { RMDQ } from "./rmdq.ts";
import { formOf, wordingFromQuestionnaire } from "./wording.ts";

// Test wording is invented here ("Licensed text N"); no owner's wording is used.
const ordinal = (value: number) => ({ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: value });
const odiQuestionnaire = (optionsOf: (section: number) => unknown[]) => ({
  resourceType: "Questionnaire",
  title: "Licensed ODI",
  copyright: "© The owner; used under licence",
  item: [
    { linkId: "intro", type: "display", text: "Instructions" },
    {
      linkId: "g",
      type: "group",
      item: Array.from({ length: 10 }, (_, s) => ({ linkId: `q${s}`, type: "choice", text: `Licensed text ${s + 1}`, answerOption: optionsOf(s) })),
    },
  ],
});
const scoredOptions = (s: number) =>
  [5, 4, 3, 2, 1, 0].map((value) => ({ valueCoding: { code: `LA${s}-${value}`, display: `Answer ${s + 1}.${value}`, extension: [ordinal(value)] } }));

describe("wordingFromQuestionnaire", () => {
  it("maps questions in order through groups, skipping display text, and options by their ordinal score", () => {
    const imported = wordingFromQuestionnaire(ODI, odiQuestionnaire(scoredOptions));
    assert.ok(imported.ok, JSON.stringify(imported));
    assert.equal(imported.wording.title, "Licensed ODI");
    assert.equal(imported.wording.copyright, "© The owner; used under licence");
    assert.equal(imported.wording.items[2]!.text, "Licensed text 3");
    // Listed 5…0 but scored by the extension: our value 0 gets the answer scored 0.
    assert.equal(imported.wording.items[2]!.options["0"], "Answer 3.0");
    assert.equal(imported.wording.items[2]!.options["5"], "Answer 3.5");
  });

  it("accepts scores given as valueInteger or numeric codes, and says when it had to go by order", () => {
    const integers = wordingFromQuestionnaire(ODI, odiQuestionnaire(() => [0, 1, 2, 3, 4, 5].map((v) => ({ valueInteger: v }))));
    assert.ok(integers.ok);
    const unscored = wordingFromQuestionnaire(ODI, odiQuestionnaire(() => ["a", "b", "c", "d", "e", "f"].map((d) => ({ valueCoding: { code: d, display: d } }))));
    assert.ok(unscored.ok);
    assert.equal(unscored.wording.items[0]!.options["0"], "a");
    assert.match(unscored.notes.join(" "), /order listed/);
  });

  it("matches by linkId when the questionnaire uses our item ids", () => {
    const items = [...RMDQ.items].reverse().map((item) => ({ linkId: item.id, type: "boolean", text: `Licensed ${item.id}` }));
    const imported = wordingFromQuestionnaire(RMDQ, { resourceType: "Questionnaire", name: "rmdq", item: items });
    assert.ok(imported.ok);
    assert.equal(imported.wording.items[0]!.text, "Licensed s1");
    assert.deepEqual(imported.wording.items[0]!.options, {}, "boolean items keep our yes/no labels");
    assert.match(imported.notes[0]!, /linkId/);
  });

  it("keeps the source's linkIds and answer codes (never their wording), so a response can point at that Questionnaire", () => {
    const imported = wordingFromQuestionnaire(ODI, odiQuestionnaire(scoredOptions));
    assert.ok(imported.ok);
    assert.deepEqual(imported.wording.items[2]!.source?.linkId, "q2");
    // Our value 0 is their answer scored 0, identified by its code alone.
    assert.deepEqual(imported.wording.items[2]!.source?.answers["0"], { valueCoding: { code: "LA2-0" } });
    assert.ok(!JSON.stringify(imported.wording.items.map((i) => i.source)).includes("Answer"), "no answer text in the source mapping");
    const rmdq = wordingFromQuestionnaire(RMDQ, { resourceType: "Questionnaire", item: RMDQ.items.map((item) => ({ linkId: `r-${item.id}`, type: "boolean", text: "Licensed" })) });
    assert.ok(rmdq.ok);
    assert.deepEqual(rmdq.wording.items[0]!.source, { linkId: "r-s1", answers: { "0": { valueBoolean: false }, "1": { valueBoolean: true } } });
    // Options identified only by their text cannot be named without the wording: no source mapping.
    const texts = wordingFromQuestionnaire(ODI, odiQuestionnaire(() => ["a", "b", "c", "d", "e", "f"].map((d) => ({ valueString: d }))));
    assert.ok(texts.ok);
    assert.equal(texts.wording.items[0]!.source, undefined);
  });

  it("refuses what cannot be mapped exactly, naming every problem", () => {
    assert.deepEqual(wordingFromQuestionnaire(NRS, { resourceType: "Patient" }), {
      ok: false,
      problems: [{ at: "questionnaire", message: 'This is not a FHIR Questionnaire (resourceType must be "Questionnaire").' }],
    });
    const tooFew = wordingFromQuestionnaire(ODI, { resourceType: "Questionnaire", item: [{ linkId: "a", type: "choice", text: "x" }] });
    assert.deepEqual(tooFew, { ok: false, problems: [{ at: "questionnaire", message: "The questionnaire has 1 questions; Oswestry Disability Index has 10." }] });

    const longTitle = wordingFromQuestionnaire(ODI, { ...odiQuestionnaire(scoredOptions), title: "x".repeat(301) });
    assert.deepEqual(longTitle.ok ? [] : longTitle.problems.map((p) => p.at), ["questionnaire"]);

    const bad = odiQuestionnaire(scoredOptions);
    const sections = (bad.item[1] as { item: { text?: string; answerOption: unknown[] }[] }).item;
    delete sections[1]!.text;
    sections[4]!.answerOption = sections[4]!.answerOption.slice(1);
    sections[7]!.answerOption = [1, 1, 2, 3, 4, 5].map((v) => ({ valueInteger: v }));
    const refused = wordingFromQuestionnaire(ODI, bad);
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.deepEqual(
        refused.problems.map((p) => p.at),
        [ODI.items[1]!.id, ODI.items[4]!.id, ODI.items[7]!.id],
      );
      assert.match(refused.problems[0]!.message, /Question 2 .* has no text/);
      assert.match(refused.problems[1]!.message, /Question 5 .* 5 answer options; ours has 6/);
      assert.match(refused.problems[2]!.message, /Question 8 .* score 1, 1, 2, 3, 4, 5/);
    }
  });
});

describe("formOf", () => {
  it("shows loaded wording in place of our labels and keeps ours beside it", () => {
    const imported = wordingFromQuestionnaire(ODI, odiQuestionnaire(scoredOptions));
    assert.ok(imported.ok);
    const form = formOf(ODI, imported.wording);
    assert.equal(form.items[0]!.label, "Licensed text 1");
    assert.equal(form.items[0]!.shortLabel, ODI.items[0]!.label);
    assert.deepEqual(
      form.items[0]!.options.map((o) => o.value),
      ODI.items[0]!.options.map((o) => o.value),
    );
    assert.deepEqual(form.wording, { title: "Licensed ODI", copyright: "© The owner; used under licence" });
  });

  it("falls back to our own questions, or our labels, without wording or when the wording no longer fits the items", () => {
    assert.equal(formOf(NRS, null).items[0]!.label, NRS.items[0]!.question, "NRS is public domain: asked in our words");
    assert.equal(formOf(ODI, null).items[0]!.label, ODI.items[0]!.label);
    const stale = { title: "old", copyright: null, url: null, version: null, items: [] };
    assert.equal(formOf(NRS, stale).wording, null);
  });

  it("is ready for patients at home only with our own questions or the clinic's licensed wording", () => {
    assert.equal(formOf(NRS, null).patientReady, true);
    assert.equal(formOf(ODI, null).patientReady, false, "a patient cannot answer neutral labels");
    const imported = wordingFromQuestionnaire(ODI, odiQuestionnaire(scoredOptions));
    assert.ok(imported.ok);
    assert.equal(formOf(ODI, { ...imported.wording, url: null, version: null }).patientReady, true);
  });
});
