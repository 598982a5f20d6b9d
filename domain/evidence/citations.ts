/**
 * The citations registry: every source the patient guide and the evidence
 * library cite, by key. A page cites a key, never free text, so a claim can
 * always be followed to its source and a key that is not here does not
 * type-check (and `guide.test.ts` fails the build on it too).
 *
 * Where each record was checked: clinical-facts.md §1, §6, §8–§10 (the figures)
 * and the stored abstracts and index pages the search tool holds. Checked
 * earlier: Witt 2009, Chapman 1983, Goldman 2010, Furlan 2005, Lee 2019.
 * Checked 2026-12-02 against stored abstracts/index pages (each entry carries a
 * "checked:" comment with the page): Haake 2007, Cherkin 2009, Vickers 2012,
 * Vickers 2018, Mu 2020, Qaseem 2017, NICE 2016, MacPherson 2004, MacPherson 2005, Wheway 2012
 * (NPSA), Carr 2015, AHCPR 1994, Melzack 1965, Pomeranz 1987, Hui 2000,
 * Langevin 2001, MacPherson 2010 (STRICTA), Medicare NCD 30.3.3, Linde 2016;
 * Chapman 1983 seen again. Not verified (no stored source found): Mayer 1977,
 * Han 2003, and the volume/pages of Vickers 2012 and Hui 2000; NCCAOM, NPPES
 * and TARA are live registries/repositories, not checked here.
 * A DOI is given only when it was seen in a stored source; otherwise `doi` is
 * null and `url` points to a PubMed search for the title, so no identifier is
 * invented.
 */

/** What kind of study or document a source is: the reader's first guide to how much weight it carries. */
export const STUDY_DESIGNS = [
  "randomised trial",
  "individual patient data meta-analysis",
  "systematic review",
  "narrative review",
  "clinical guideline",
  "observational study",
  "survey",
  "incident reports",
  "animal laboratory study",
  "human laboratory study",
  "theory",
  "coverage rule",
  "reporting standard",
  "registry or data set",
  "review protocol",
] as const;
export type StudyDesign = (typeof STUDY_DESIGNS)[number];

export interface Citation {
  authors: string;
  year: number;
  title: string;
  /** Journal, publisher or body. */
  journal: string;
  doi: string | null;
  /** Where to read it when there is no DOI (or a better public page). */
  url: string | null;
  design: StudyDesign;
  /** The short name shown beside a claim, when the first author's surname is not it ("NICE 2016"). */
  short?: string;
  /** How many people, trials or records, as the source gives it; null when not applicable. */
  size: string | null;
}

const search = (title: string) => `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(title)}`;

export const CITATIONS = {
  haake2007: {
    authors: "Haake M, Müller HH, Schade-Brittinger C, et al.",
    year: 2007,
    title: "German Acupuncture Trials (GERAC) for chronic low back pain: randomized, multicenter, blinded, parallel-group trial with 3 groups",
    journal: "Archives of Internal Medicine 167(17):1892–1898",
    doi: "10.1001/archinte.167.17.1892",
    url: null,
    design: "randomised trial",
    size: "1,162 patients",
    // checked: https://jamanetwork.com/journals/jamainternalmedicine/fullarticle/413107 (authors, 167(17):1892-1898, DOI, n=1,162, 47.6/44.2/27.4%)
  },
  cherkin2009: {
    authors: "Cherkin DC, Sherman KJ, Avins AL, et al.",
    year: 2009,
    title: "A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain",
    journal: "Archives of Internal Medicine 169(9):858–866",
    doi: "10.1001/archinternmed.2009.65",
    url: null,
    design: "randomised trial",
    size: "638 adults",
    // checked: https://mdsite.deno.dev/https://pubmed.ncbi.nlm.nih.gov/19433697 (169(9):858-66, DOI, 638 adults, 4.4/4.5/4.4 vs 2.1, 60% vs 39%)
  },
  vickers2012: {
    authors: "Vickers AJ, Cronin AM, Maschino AC, et al.",
    year: 2012,
    title: "Acupuncture for chronic pain: individual patient data meta-analysis",
    journal: "Archives of Internal Medicine 172(19):1444–1453",
    // DOI and volume/pages not seen in a stored source: DOI set to null, PubMed title search instead.
    doi: null,
    url: search("Acupuncture for chronic pain: individual patient data meta-analysis"),
    design: "individual patient data meta-analysis",
    size: "29 trials, 17,922 patients",
    // checked: https://pmc.ncbi.nlm.nih.gov/articles/PMC3658605 (title, authors, 29 of 31 trials, 17,922 patients, 0.23 (0.13–0.33) vs sham, 0.55 (0.51–0.58) vs no acupuncture)
  },
  vickers2018: {
    authors: "Vickers AJ, Vertosick EA, Lewith G, et al.",
    year: 2018,
    title: "Acupuncture for chronic pain: update of an individual patient data meta-analysis",
    journal: "The Journal of Pain 19(5):455–474",
    doi: "10.1016/j.jpain.2017.11.005",
    url: null,
    design: "individual patient data meta-analysis",
    size: "39 trials, 20,827 patients",
    // checked: https://tryl2012.blogspot.com/2018/06/acupuncture-for-chronic-pain-update-of.html and https://www.jpain.org/article/S1526-5900(17)30780-0/fulltext (19(5):455-474, DOI, 39 trials, 20,827, ~15% decline at 1 year)
  },
  mu2020: {
    authors: "Mu J, Furlan AD, Lam WY, Hsu MY, Ning Z, Lao L",
    year: 2020,
    title: "Acupuncture for chronic nonspecific low back pain",
    journal: "Cochrane Database of Systematic Reviews 2020, Issue 12, CD013814",
    doi: "10.1002/14651858.CD013814",
    url: null,
    design: "systematic review",
    size: "33 studies, 8,270 people",
    // checked: https://mdsite.deno.dev/https://pubmed.ncbi.nlm.nih.gov/33306198 and https://www.scribd.com/document/621178943/acupunturalowbackpain (full author list, Issue 12, DOI, 33 studies, 8,270 participants)
  },
  furlan2005: {
    authors: "Furlan AD, van Tulder M, Cherkin D, et al.",
    year: 2005,
    title: "Acupuncture and dry-needling for low back pain: an updated systematic review within the framework of the Cochrane Collaboration",
    journal: "Spine 30(8):944–963",
    doi: null,
    url: search("Acupuncture and dry-needling for low back pain: an updated systematic review within the framework of the Cochrane Collaboration"),
    design: "systematic review",
    size: "35 randomised trials",
  },
  qaseem2017: {
    authors: "Qaseem A, Wilt TJ, McLean RM, Forciea MA; Clinical Guidelines Committee of the American College of Physicians",
    year: 2017,
    title: "Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians",
    journal: "Annals of Internal Medicine 166(7):514–530",
    doi: "10.7326/M16-2367",
    url: null,
    design: "clinical guideline",
    size: null,
    // checked: https://www.acpjournals.org/doi/10.7326/M16-2367 and https://jesse.tg/ngc-archive/summary/11196 (authors, 166(7):514-30, DOI)
  },
  nice2016: {
    authors: "National Institute for Health and Care Excellence (NICE)",
    year: 2016,
    title: "Low back pain and sciatica in over 16s: assessment and management (NG59)",
    journal: "NICE guideline NG59",
    doi: null,
    url: "https://www.nice.org.uk/guidance/ng59",
    design: "clinical guideline",
    short: "NICE 2016",
    size: null,
    // checked: https://blog.fht.org.uk/2016/12/01/nice-publishes-updated-guidelines-on-low-back-pain/ and https://www.bmj.com/content/356/bmj.i6748/rr-1 (NG59, published 2016, acupuncture not to be offered)
  },
  witt2009: {
    authors: "Witt CM, Pach D, Brinkhaus B, et al.",
    year: 2009,
    title: "Safety of acupuncture: results of a prospective observational study with 229,230 patients and introduction of a medical information and consent form",
    journal: "Forschende Komplementärmedizin 16(2):91–97",
    doi: "10.1159/000209315",
    url: null,
    design: "observational study",
    size: "229,230 patients",
  },
  macpherson2004: {
    authors: "MacPherson H, Scullion A, Thomas KJ, Walters S",
    year: 2004,
    title: "Patient reports of adverse events associated with acupuncture treatment: a prospective national survey",
    journal: "Quality and Safety in Health Care 13(5):349–355",
    doi: "10.1136/qshc.2003.009134",
    url: null,
    design: "survey",
    size: "9,408 patients (6,348 followed up at 3 months)",
    // checked: https://m.moam.info/download/patient-reports-of-adverse-events-associated-with-acupuncture-treatment_5bb8dca4097c47cd0d8b4724.html and http://eprints.whiterose.ac.uk/7409/ (authors, 13(5):349-355, DOI, 9,408/6,348, 107 per 1,000)
  },
  macpherson2005: {
    authors: "MacPherson H, Thomas K",
    year: 2005,
    title: "Short term reactions to acupuncture: a cross-sectional survey of patient reports",
    journal: "Acupuncture in Medicine 23(3):112–120",
    doi: null,
    url: "https://aim.bmj.com/content/23/3/112",
    design: "survey",
    size: "9,408 patients",
    // checked: https://aim.bmj.com/content/23/3/112 (authors, 23(3):112, 9,408 patients, 24.4% tiredness or drowsiness). clinical-facts.md §6 gives this figure under MacPherson 2004; it is this 2005 paper's.
  },
  npsa2012: {
    authors: "Wheway J, Agbabiaka TB, Ernst E",
    year: 2012,
    title: "Patient safety incidents from acupuncture treatments: a review of reports to the National Patient Safety Agency",
    journal: "International Journal of Risk & Safety in Medicine 24(3):163–169",
    doi: "10.3233/JRS-2012-0569",
    url: null,
    design: "incident reports",
    size: "325 incidents (2009–2011)",
    // checked: https://www.researchgate.net/publication/230768826_Patient_safety_incidents_from_acupuncture_treatments_a_review_of_reports_to_the_National_Patient_Safety_Agency (24(3):163-9, DOI, 468 found / 325 analysed, 2009–2011)
  },
  carr2015: {
    authors: "Carr DJ",
    year: 2015,
    title: "The safety of obstetric acupuncture: forbidden points revisited",
    journal: "Acupuncture in Medicine 33(5):413–419",
    doi: "10.1136/acupmed-2015-010936",
    url: null,
    // The abstract describes a review of the literature, not a systematic review.
    design: "narrative review",
    size: "15 clinical trials (823 women) plus observational and laboratory studies",
    // checked: https://pmc.ncbi.nlm.nih.gov/articles/PMC4680134 (Carr DJ, 33(5):413-419, DOI, 15 trials n=823)
  },
  ahcpr1994: {
    authors: "Bigos S, Bowyer O, Braen G, et al.",
    year: 1994,
    title: "Acute low back problems in adults (Clinical Practice Guideline No. 14)",
    journal: "Agency for Health Care Policy and Research, AHCPR Publication 95-0642",
    doi: null,
    url: search("Acute low back problems in adults clinical practice guideline 14"),
    design: "clinical guideline",
    size: null,
    // checked: https://d4c2.com/d4c2-000038.htm (Bigos S, Bowyer O, Braen G, et al.; Guideline No. 14; AHCPR Publication No. 95-0642; December 1994)
  },
  melzack1965: {
    authors: "Melzack R, Wall PD",
    year: 1965,
    title: "Pain mechanisms: a new theory",
    journal: "Science 150(3699):971–979",
    // DOI not seen in a stored source: set to null, PubMed title search instead.
    doi: null,
    url: search("Pain mechanisms: a new theory"),
    design: "theory",
    size: null,
    // checked: https://www.reflexology.pub/en/medical_article/pain-mechanisms-a-new-theory-2/ and https://scribd.com/document/361254463/gate-control-original-1965-pdf (authors, 19 Nov 1965, 150(3699):971-979)
  },
  mayer1977: {
    authors: "Mayer DJ, Price DD, Rafii A",
    year: 1977,
    title: "Antagonism of acupuncture analgesia in man by the narcotic antagonist naloxone",
    journal: "Brain Research 121(2):368–372",
    doi: null,
    url: search("Antagonism of acupuncture analgesia in man by the narcotic antagonist naloxone"),
    design: "human laboratory study",
    size: null,
    // not verified: no stored source found for this record (Chapman 1983 confirms only that Mayer, Price and Rafii used pain-threshold methods).
  },
  chapman1983: {
    authors: "Chapman CR, Benedetti C, Colpitts YH, Gerlach R",
    year: 1983,
    title: "Naloxone fails to reverse pain thresholds elevated by acupuncture: acupuncture analgesia reconsidered",
    journal: "Pain 16(1):13–31",
    doi: "10.1016/0304-3959(83)90082-9",
    url: null,
    design: "human laboratory study",
    size: null,
    // checked: https://www.ncbi.nlm.nih.gov/pubmed/6866539 (Pain 16(1):13-31, DOI)
  },
  han2003: {
    authors: "Han JS",
    year: 2003,
    title: "Acupuncture: neuropeptide release produced by electrical stimulation of different frequencies",
    journal: "Trends in Neurosciences 26(1):17–22",
    doi: null,
    url: search("Acupuncture: neuropeptide release produced by electrical stimulation of different frequencies"),
    design: "animal laboratory study",
    size: null,
    // not verified: no stored source found for this record.
  },
  pomeranz1987: {
    authors: "Pomeranz B",
    year: 1987,
    title: "Scientific basis of acupuncture",
    journal: "In: Stux G, Pomeranz B (eds), Acupuncture: Textbook and Atlas. Springer",
    doi: "10.1007/978-3-642-71742-0_1",
    url: null,
    design: "narrative review",
    size: "228 studies reviewed",
    // checked: https://rd.springer.com/chapter/10.1007/978-3-642-71742-0_1 and https://pdfdrive.to/dl/acupuncture-textbook-and-atlas (chapter DOI, 228 studies, Springer 1987)
  },
  hui2000: {
    authors: "Hui KK, Liu J, Makris N, et al.",
    year: 2000,
    title: "Acupuncture modulates the limbic system and subcortical gray structures of the human brain: evidence from fMRI studies in normal subjects",
    journal: "Human Brain Mapping 9(1):13–25",
    doi: null,
    url: search("Acupuncture modulates the limbic system and subcortical gray structures of the human brain"),
    design: "human laboratory study",
    size: "13 healthy subjects",
    // checked: https://pmc.ncbi.nlm.nih.gov/articles/PMC6871878 (title, fMRI at LI4 in 13 subjects); volume/pages and DOI not seen.
  },
  goldman2010: {
    authors: "Goldman N, Chen M, Fujita T, et al.",
    year: 2010,
    title: "Adenosine A1 receptors mediate local anti-nociceptive effects of acupuncture",
    journal: "Nature Neuroscience 13(7):883–888",
    doi: "10.1038/nn.2562",
    url: null,
    design: "animal laboratory study",
    size: null,
  },
  langevin2001: {
    authors: "Langevin HM, Churchill DL, Cipolla MJ",
    year: 2001,
    title: "Mechanical signaling through connective tissue: a mechanism for the therapeutic effect of acupuncture",
    journal: "The FASEB Journal 15(12):2275–2282",
    doi: "10.1096/fj.01-0015hyp",
    url: null,
    // A hypothesis paper (the abstract states two hypotheses; the DOI marks it "hyp"), not an animal study.
    design: "theory",
    size: null,
    // checked: https://scilit.com/publications/28b84561ccc07c1d8f16a864040dac21 and https://zendy.io/title/10.1096/fj.01-0015hyp (authors, 15(12):2275-2282, DOI)
  },
  leejo2019: {
    authors: "Lee S, Jo DH",
    year: 2019,
    title: "Acupuncture for reduction of opioid consumption in chronic pain: a protocol for systematic review and meta-analysis",
    journal: "Medicine 98(51):e18237",
    doi: "10.1097/MD.0000000000018237",
    url: null,
    design: "review protocol",
    size: null,
  },
  macpherson2010: {
    authors: "MacPherson H, Altman DG, Hammerschlag R, et al.",
    year: 2010,
    title: "Revised STandards for Reporting Interventions in Clinical Trials of Acupuncture (STRICTA)",
    journal: "PLoS Medicine 7(6):e1000261",
    doi: "10.1371/journal.pmed.1000261",
    url: null,
    design: "reporting standard",
    size: "6 items, 17 sub-items",
    // checked: https://www.bmj.com/lookup/external-ref?access_num=10.1371/journal.pmed.1000261&link_type=DOI and https://pmc.ncbi.nlm.nih.gov/articles/PMC3002761 (title, authors, DOI, 6 items / 17 sub-items)
  },
  ncd30_3_3: {
    authors: "Centers for Medicare & Medicaid Services",
    year: 2020,
    title: "National Coverage Determination 30.3.3: Acupuncture for Chronic Low Back Pain (decision memo CAG-00452N)",
    journal: "CMS Medicare Coverage Database",
    doi: null,
    url: "https://www.cms.gov/medicare-coverage-database/view/ncd.aspx?ncdid=373&ncdver=1",
    design: "coverage rule",
    short: "Medicare NCD 30.3.3",
    size: null,
    // checked: https://www.cms.gov/Medicare-Coverage-Database/view/ncd.aspx?ncdid=373&ncdver=1&doctype=NCD (NCD 30.3.3 v1, effective 2020-01-21) and the decision memo CAG-00452N dated January 21, 2020
  },
  nccaom: {
    authors: "National Certification Commission for Acupuncture and Oriental Medicine (NCCAOM)",
    year: 2026,
    title: "Board certification and the practitioner search",
    journal: "NCCAOM",
    doi: null,
    url: "https://www.nccaom.org/",
    design: "registry or data set",
    short: "NCCAOM",
    size: null,
  },
  nppes: {
    authors: "Centers for Medicare & Medicaid Services",
    year: 2026,
    title: "NPPES NPI Registry (taxonomy 171100000X, Acupuncturist)",
    journal: "CMS",
    doi: null,
    url: "https://npiregistry.cms.hhs.gov/",
    design: "registry or data set",
    short: "NPPES",
    size: null,
  },
  tara: {
    authors: "smtifahim (TARA Ontology Repository, NIH SPARC)",
    year: 2024,
    title: "TARA acupoint ontology: acupoints, nerves and pain-related articles (MIT licence)",
    journal: "GitHub: smtifahim/TARA-Ontology-Repository",
    doi: null,
    url: "https://github.com/smtifahim/TARA-Ontology-Repository",
    design: "registry or data set",
    short: "TARA 2024",
    size: "86 pain trials; 361 channel and 42 extra points",
  },
  linde2016: {
    authors: "Linde K, Allais G, Brinkhaus B, et al.",
    year: 2016,
    title: "Acupuncture for the prevention of episodic migraine",
    journal: "Cochrane Database of Systematic Reviews 2016, Issue 6, CD001218",
    doi: "10.1002/14651858.CD001218.pub3",
    url: null,
    design: "systematic review",
    size: "22 trials",
    // checked: https://gamestartup.netlify.app/host-https-www.ncbi.nlm.nih.gov/pubmed/27351677 and https://cochranelibrary.com/es/cdsr/doi/10.1002/14651858.CD001218.pub3/full/ms (authors, Issue 6 2016, DOI .pub3, 22 trials)
  },
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof CITATIONS;

export function isCitationKey(key: string): key is CitationKey {
  return Object.hasOwn(CITATIONS, key);
}

/** "Haake 2007": the short form a page shows beside a claim. */
export function shortCite(key: CitationKey): string {
  const c: Citation = CITATIONS[key];
  return c.short ?? `${c.authors.split(/[ ,;]/)[0]} ${c.year}`;
}

/** Where a reader can open the source. */
export function citationLink(key: CitationKey): string | null {
  const c: Citation = CITATIONS[key];
  return c.doi ? `https://doi.org/${c.doi}` : c.url;
}
