/**
 * The citations registry: every source the patient guide and the evidence
 * library cite, by key. A page cites a key, never free text, so a claim can
 * always be followed to its source and a key that is not here does not
 * type-check (and `guide.test.ts` fails the build on it too).
 *
 * Where each record was checked: clinical-facts.md §1, §6, §8–§10 (the figures)
 * and the stored abstracts and index pages the search tool holds (Witt 2009,
 * Chapman 1983, Goldman 2010, Furlan 2005, Lee 2019). A DOI is given only when
 * it was seen or is the journal's well-known one; otherwise `url` points to a
 * search for the title, so no identifier is invented.
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
  },
  vickers2012: {
    authors: "Vickers AJ, Cronin AM, Maschino AC, et al.",
    year: 2012,
    title: "Acupuncture for chronic pain: individual patient data meta-analysis",
    journal: "Archives of Internal Medicine 172(19):1444–1453",
    doi: "10.1001/archinternmed.2012.3654",
    url: null,
    design: "individual patient data meta-analysis",
    size: "29 trials, 17,922 patients",
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
  },
  mu2020: {
    authors: "Mu J, Furlan AD, Lam WY, et al.",
    year: 2020,
    title: "Acupuncture for chronic nonspecific low back pain",
    journal: "Cochrane Database of Systematic Reviews, CD013814",
    doi: "10.1002/14651858.CD013814",
    url: null,
    design: "systematic review",
    size: "33 studies, 8,270 people",
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
    doi: null,
    url: search("Patient reports of adverse events associated with acupuncture treatment: a prospective national survey"),
    design: "survey",
    size: null,
  },
  npsa2012: {
    authors: "Wheway J, Agbabiaka TB, Ernst E",
    year: 2012,
    title: "Patient safety incidents from acupuncture treatments: a review of reports to the National Patient Safety Agency",
    journal: "International Journal of Risk & Safety in Medicine 24(3):163–169",
    doi: null,
    url: search("Patient safety incidents from acupuncture treatments: a review of reports to the National Patient Safety Agency"),
    design: "incident reports",
    size: "325 incidents (2009–2011)",
  },
  carr2015: {
    authors: "Carr DJ",
    year: 2015,
    title: "The safety of obstetric acupuncture: forbidden points revisited",
    journal: "Acupuncture in Medicine 33(5):413–419",
    doi: null,
    url: search("The safety of obstetric acupuncture: forbidden points revisited"),
    design: "systematic review",
    size: null,
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
  },
  melzack1965: {
    authors: "Melzack R, Wall PD",
    year: 1965,
    title: "Pain mechanisms: a new theory",
    journal: "Science 150(3699):971–979",
    doi: "10.1126/science.150.3699.971",
    url: null,
    design: "theory",
    size: null,
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
  },
  hui2000: {
    authors: "Hui KK, Liu J, Makris N, et al.",
    year: 2000,
    title: "Acupuncture modulates the limbic system and subcortical gray structures of the human brain: evidence from fMRI studies in normal subjects",
    journal: "Human Brain Mapping 9(1):13–25",
    doi: null,
    url: search("Acupuncture modulates the limbic system and subcortical gray structures of the human brain"),
    design: "human laboratory study",
    size: null,
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
    doi: null,
    url: search("Mechanical signaling through connective tissue: a mechanism for the therapeutic effect of acupuncture"),
    design: "animal laboratory study",
    size: null,
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
    size: null,
  },
  ncd30_3_3: {
    authors: "Centers for Medicare & Medicaid Services",
    year: 2020,
    title: "National Coverage Determination 30.3.3: Acupuncture for Chronic Low Back Pain (decision memo CAG-00452N)",
    journal: "CMS Medicare Coverage Database",
    doi: null,
    url: "https://www.cms.gov/medicare-coverage-database/",
    design: "coverage rule",
    short: "Medicare NCD 30.3.3",
    size: null,
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
    journal: "Cochrane Database of Systematic Reviews, CD001218",
    doi: null,
    url: search("Acupuncture for the prevention of episodic migraine Cochrane 2016"),
    design: "systematic review",
    size: null,
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
