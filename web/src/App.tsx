import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";
import { api, ApiError, onSignedOut, rememberCsrfToken, type Session } from "./api.ts";
import { can } from "../../domain/access/roles.ts";
import { SessionContext, useSession } from "./session.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { ReportPage } from "./pages/ReportPage.tsx";
import { FindPage } from "./directory/FindPage.tsx";

// The clinic's pages load after sign-in, so the sign-in page and a patient's
// first look at the guide or a report link do not fetch or parse them
// (bench/guideFirstLoad.bench.ts, bench/pageBytes.bench.ts).
const SecondStepPage = lazy(() => import("./pages/SecondStepPage.tsx").then((m) => ({ default: m.SecondStepPage })));
const ReferralsPage = lazy(() => import("./referrals/ReferralsPage.tsx").then((m) => ({ default: m.ReferralsPage })));
const DirectoryImportPage = lazy(() => import("./referrals/DirectoryImportPage.tsx").then((m) => ({ default: m.DirectoryImportPage })));
const PatientsPage = lazy(() => import("./pages/PatientsPage.tsx").then((m) => ({ default: m.PatientsPage })));
const NewPatientPage = lazy(() => import("./pages/NewPatientPage.tsx").then((m) => ({ default: m.NewPatientPage })));
const PatientPage = lazy(() => import("./pages/PatientPage.tsx").then((m) => ({ default: m.PatientPage })));
const StrictaPage = lazy(() => import("./pages/StrictaPage.tsx").then((m) => ({ default: m.StrictaPage })));
const StaffPage = lazy(() => import("./pages/StaffPage.tsx").then((m) => ({ default: m.StaffPage })));
const QuestionnairesPage = lazy(() => import("./pages/QuestionnairesPage.tsx").then((m) => ({ default: m.QuestionnairesPage })));
const AuditPage = lazy(() => import("./pages/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const ExportPage = lazy(() => import("./pages/ExportPage.tsx").then((m) => ({ default: m.ExportPage })));
const BackupsPage = lazy(() => import("./pages/BackupsPage.tsx").then((m) => ({ default: m.BackupsPage })));
const ApiTokensPage = lazy(() => import("./pages/ApiTokensPage.tsx").then((m) => ({ default: m.ApiTokensPage })));
const AccountPage = lazy(() => import("./pages/AccountPage.tsx").then((m) => ({ default: m.AccountPage })));
const TwoFactorPage = lazy(() => import("./account/TwoFactorPage.tsx").then((m) => ({ default: m.TwoFactorPage })));
const DashboardPage = lazy(() => import("./pages/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })));
const SchedulePage = lazy(() => import("./scheduling/SchedulePage.tsx").then((m) => ({ default: m.SchedulePage })));
const ScheduleSettingsPage = lazy(() => import("./scheduling/ScheduleSettingsPage.tsx").then((m) => ({ default: m.ScheduleSettingsPage })));
const RemindersPage = lazy(() => import("./scheduling/RemindersPage.tsx").then((m) => ({ default: m.RemindersPage })));
const BillingSetupPage = lazy(() => import("./coverage/BillingSetupPage.tsx").then((m) => ({ default: m.BillingSetupPage })));

const AtlasRoutes = lazy(() => import("./atlas/AtlasRoutes.tsx"));
// The patient guide and evidence library: public, their own bundle (no atlas data in it).
const loadGuide = () => import("./guide/GuideRoutes.tsx");
const GuideRoutes = lazy(loadGuide);
// A patient opening a guide link: fetch the guide's bundle while the session is checked, not after.
if (window.location.pathname.startsWith("/guide")) void loadGuide();
// The visit chart carries the atlas and the safety engine: loaded when a visit is opened.
const VisitPage = lazy(() => import("./visit/VisitPage.tsx"));
// Protocols show the body map and the trial table: loaded when opened.
const ProtocolRoutes = lazy(() => import("./protocols/ProtocolRoutes.tsx"));

/** The atlas is public: anyone can look points up, signed in or not. */
function Atlas() {
  return (
    <Suspense fallback={<p className="loading">Loading the atlas…</p>}>
      <AtlasRoutes />
    </Suspense>
  );
}

/** The guide is public: anyone can read it; a signed-in clinic also gets printable handouts. */
function Guide() {
  return (
    <Suspense fallback={<p className="loading">Loading the guide…</p>}>
      <GuideRoutes />
    </Suspense>
  );
}

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();

  const adopt = useCallback((next: Session | null) => {
    rememberCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }, []);

  const [demoClinic, setDemoClinic] = useState(false);
  const [accounts, setAccounts] = useState(true);
  /** A right password awaits its second step (two-factor sign-in): /login/code asks for the code. */
  const [awaitingCode, setAwaitingCode] = useState(false);
  /** Where the code page leads once the code is taken (the signed-in /login/code route goes there). */
  const [afterCode, setAfterCode] = useState("/patients");
  const refreshSession = useCallback(async () => {
    const state = await api<{ session: Session | null; awaitingSecondFactor: boolean; demoClinic: boolean; accounts: boolean }>("GET", "/api/v1/session/state");
    setDemoClinic(state.demoClinic);
    setAccounts(state.accounts);
    setAwaitingCode(state.awaitingSecondFactor);
    adopt(state.session);
  }, [adopt]);
  useEffect(() => {
    refreshSession().catch(() => adopt(null));
    return onSignedOut(() => adopt(null));
  }, [adopt, refreshSession]);

  const signOut = useCallback(async () => {
    await api("DELETE", "/api/v1/session").catch((error: unknown) => {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    });
    adopt(null);
    void navigate("/login");
  }, [adopt, navigate]);

  // A patient's report link works the same whoever is signed in on this device.
  if (location.pathname.startsWith("/r/")) {
    return (
      <Routes>
        <Route path="/r/:token" element={<ReportPage />} />
      </Routes>
    );
  }
  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null) {
    return (
      <Suspense fallback={<p className="loading">Loading…</p>}>
      <Routes>
        <Route path="/login" element={<LoginPage onSignedIn={adopt} onAwaitingCode={() => setAwaitingCode(true)} demoClinic={demoClinic} accounts={accounts} />} />
        <Route
          path="/login/code"
          element={
            <SecondStepPage
              awaiting={awaitingCode}
              onSignedIn={(next, to) => {
                setAwaitingCode(false);
                setAfterCode(to);
                adopt(next);
              }}
            />
          }
        />
        <Route
          path="/atlas/*"
          element={
            <PublicShell>
              <Atlas />
            </PublicShell>
          }
        />
        <Route
          path="/find"
          element={
            <PublicShell>
              <FindPage />
            </PublicShell>
          }
        />
        <Route
          path="/guide/*"
          element={
            <PublicShell>
              <Guide />
            </PublicShell>
          }
        />
        <Route path="*" element={<RedirectToLogin />} />
      </Routes>
      </Suspense>
    );
  }
  if (session.twoFactorEnrolmentDue) {
    return (
      <SessionContext.Provider value={{ session, signOut, refreshSession }}>
        <EnrolmentShell />
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={{ session, signOut, refreshSession }}>
      <Shell>
        <Suspense fallback={<p className="loading">Loading…</p>}>
        <Routes>
          <Route path="/" element={<Navigate to="/patients" replace />} />
          <Route path="/login" element={<Navigate to="/patients" replace />} />
          <Route path="/login/code" element={<Navigate to={afterCode} replace />} />
          <Route path="/patients" element={<PatientsPage />} />
          <Route path="/patients/new" element={<NewPatientPage />} />
          <Route path="/patients/:patientId" element={<PatientPage />} />
          <Route path="/patients/:patientId/stricta" element={<StrictaPage />} />
          <Route
            path="/visits/:visitId"
            element={
              <Suspense fallback={<p className="loading">Loading the visit…</p>}>
                <VisitPage />
              </Suspense>
            }
          />
          <Route
            path="/protocols/*"
            element={
              <Suspense fallback={<p className="loading">Loading the protocols…</p>}>
                <ProtocolRoutes />
              </Suspense>
            }
          />
          <Route path="/staff" element={<StaffPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/api-tokens" element={<ApiTokensPage />} />
          <Route path="/export" element={<ExportPage />} />
          <Route path="/backups" element={<BackupsPage />} />
          <Route path="/questionnaires" element={<QuestionnairesPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/account/two-factor" element={<TwoFactorPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/schedule" element={<SchedulePage />} />
          <Route path="/schedule/settings" element={<ScheduleSettingsPage />} />
          <Route path="/reminders" element={<RemindersPage />} />
          <Route path="/billing" element={<BillingSetupPage />} />
          <Route path="/atlas/*" element={<Atlas />} />
          <Route path="/find" element={<FindPage />} />
          <Route path="/referrals" element={<ReferralsPage />} />
          <Route path="/directory/import" element={<DirectoryImportPage />} />
          <Route path="/guide/*" element={<Guide />} />
          <Route path="*" element={<p className="notice">There is no page at this address.</p>} />
        </Routes>
        </Suspense>
      </Shell>
    </SessionContext.Provider>
  );
}

function RedirectToLogin() {
  const location = useLocation();
  const next = location.pathname === "/" ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return <Navigate to={`/login${next}`} replace />;
}

/**
 * The green bar on every page: the brand (linking home), an optional clinic
 * name, the navigation. On a phone the links fold behind a Menu button (they
 * wrapped to four rows); the menu closes when a page opens or on Escape.
 */
function TopBar({ home, clinic, children }: { home: string; clinic?: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const [shownAt, setShownAt] = useState(location.key);
  if (shownAt !== location.key) {
    setShownAt(location.key);
    setOpen(false);
  }
  return (
    <header className={`topbar ${open ? "menu-open" : ""}`} onKeyDown={(event) => event.key === "Escape" && setOpen(false)}>
      <Link className="brand" to={home} aria-label="Acuback home">
        <img src="/favicon.svg" alt="" width={26} height={26} /> Acuback
      </Link>
      {clinic && <span className="clinic-name">{clinic}</span>}
      <button type="button" className="menu-button" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
        Menu
      </button>
      <nav id="main-nav" aria-label="Main">
        {children}
      </nav>
    </header>
  );
}

/**
 * The clinic requires two-factor sign-in and this account has none yet: the
 * server opens nothing else (server/http/authentication.ts), so neither does the app.
 */
function EnrolmentShell() {
  const { session, signOut } = useSession();
  return (
    <div className="shell">
      <TopBar home="/account/two-factor" clinic={session.clinic.name}>
        <NavLink to="/account/two-factor">Two-factor sign-in</NavLink>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </TopBar>
      <main>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Routes>
            <Route path="/account/two-factor" element={<TwoFactorPage />} />
            <Route path="*" element={<Navigate to="/account/two-factor" replace />} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}

function PublicShell({ children }: { children: React.ReactNode }) {
  return (
    <div className="shell">
      <TopBar home="/guide">
        <NavLink to="/guide">Guide</NavLink>
        <NavLink to="/find">Find an acupuncturist</NavLink>
        <NavLink to="/atlas">Atlas</NavLink>
        <NavLink to="/login">Clinic sign-in</NavLink>
      </TopBar>
      <main className="wide">{children}</main>
    </div>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { session, signOut } = useSession();
  const owner = can(session.user.role, "staff.manage");
  // The atlas and the visit chart need the width for their map beside the list.
  const path = useLocation().pathname;
  const wide = path.startsWith("/atlas") || path.startsWith("/visits/") || path.startsWith("/protocols/");
  return (
    <div className="shell">
      <TopBar home="/patients" clinic={session.clinic.name}>
        <NavLink to="/patients">Patients</NavLink>
        {can(session.user.role, "appointments.book") && <NavLink to="/schedule">Schedule</NavLink>}
        {can(session.user.role, "appointments.book") && <NavLink to="/reminders">Reminders</NavLink>}
        {can(session.user.role, "patients.clinical.read") && <NavLink to="/dashboard">Dashboard</NavLink>}
        <NavLink to="/atlas">Atlas</NavLink>
        {can(session.user.role, "patients.clinical.read") && <NavLink to="/protocols">Protocols</NavLink>}
        <NavLink to="/guide">Guide</NavLink>
        <NavLink to="/find">Directory</NavLink>
        <NavLink to="/referrals">Referrals</NavLink>
        {owner && <NavLink to="/staff">Staff</NavLink>}
        {can(session.user.role, "clinic.configure") && <NavLink to="/questionnaires">Questionnaires</NavLink>}
        {can(session.user.role, "clinic.configure") && <NavLink to="/billing">Billing</NavLink>}
        {can(session.user.role, "audit.read") && <NavLink to="/audit">Audit log</NavLink>}
        {can(session.user.role, "apiTokens.manage") && <NavLink to="/api-tokens">API tokens</NavLink>}
        {can(session.user.role, "data.export") && <NavLink to="/export">Export</NavLink>}
        {can(session.user.role, "clinic.configure") && <NavLink to="/backups">Backups</NavLink>}
        <NavLink to="/account" title={session.user.email}>
          {session.user.displayName}
        </NavLink>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </TopBar>
      <main className={wide ? "wide" : undefined}>{children}</main>
    </div>
  );
}
