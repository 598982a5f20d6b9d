import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";
import { api, ApiError, onSignedOut, rememberCsrfToken, type Session } from "./api.ts";
import { can } from "../../domain/access/roles.ts";
import { SessionContext, useSession } from "./session.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { PatientsPage } from "./pages/PatientsPage.tsx";
import { NewPatientPage } from "./pages/NewPatientPage.tsx";
import { PatientPage } from "./pages/PatientPage.tsx";
import { StrictaPage } from "./pages/StrictaPage.tsx";
import { StaffPage } from "./pages/StaffPage.tsx";
import { QuestionnairesPage } from "./pages/QuestionnairesPage.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { AccountPage } from "./pages/AccountPage.tsx";
import { ReportPage } from "./pages/ReportPage.tsx";
import { DashboardPage } from "./pages/DashboardPage.tsx";
import { BillingSetupPage } from "./coverage/BillingSetupPage.tsx";
import { FindPage } from "./directory/FindPage.tsx";
import { ReferralsPage } from "./referrals/ReferralsPage.tsx";
import { DirectoryImportPage } from "./referrals/DirectoryImportPage.tsx";

const AtlasRoutes = lazy(() => import("./atlas/AtlasRoutes.tsx"));
// The patient guide and evidence library: public, their own bundle (no atlas data in it).
const loadGuide = () => import("./guide/GuideRoutes.tsx");
const GuideRoutes = lazy(loadGuide);
// A patient opening a guide link: fetch the guide's bundle while the session is checked, not after.
if (window.location.pathname.startsWith("/guide")) void loadGuide();
// The visit chart carries the atlas and the safety engine: loaded when a visit is opened.
const VisitPage = lazy(() => import("./visit/VisitPage.tsx"));

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
  useEffect(() => {
    api<{ session: Session | null; demoClinic: boolean }>("GET", "/api/v1/session/state")
      .then((state) => {
        setDemoClinic(state.demoClinic);
        adopt(state.session);
      })
      .catch(() => adopt(null));
    return onSignedOut(() => adopt(null));
  }, [adopt]);

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
      <Routes>
        <Route path="/login" element={<LoginPage onSignedIn={adopt} demoClinic={demoClinic} />} />
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
    );
  }
  return (
    <SessionContext.Provider value={{ session, signOut }}>
      <Shell>
        <Routes>
          <Route path="/" element={<Navigate to="/patients" replace />} />
          <Route path="/login" element={<Navigate to="/patients" replace />} />
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
          <Route path="/staff" element={<StaffPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/questionnaires" element={<QuestionnairesPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/billing" element={<BillingSetupPage />} />
          <Route path="/atlas/*" element={<Atlas />} />
          <Route path="/find" element={<FindPage />} />
          <Route path="/referrals" element={<ReferralsPage />} />
          <Route path="/directory/import" element={<DirectoryImportPage />} />
          <Route path="/guide/*" element={<Guide />} />
          <Route path="*" element={<p className="notice">There is no page at this address.</p>} />
        </Routes>
      </Shell>
    </SessionContext.Provider>
  );
}

function RedirectToLogin() {
  const location = useLocation();
  const next = location.pathname === "/" ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return <Navigate to={`/login${next}`} replace />;
}

/** The green bar on every page: the brand (linking home), an optional clinic name, the navigation. */
function TopBar({ home, clinic, children }: { home: string; clinic?: string; children: React.ReactNode }) {
  return (
    <header className="topbar">
      <Link className="brand" to={home} aria-label="Acuback home">
        <img src="/favicon.svg" alt="" width={26} height={26} /> Acuback
      </Link>
      {clinic && <span className="clinic-name">{clinic}</span>}
      <nav aria-label="Main">{children}</nav>
    </header>
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
  const wide = path.startsWith("/atlas") || path.startsWith("/visits/");
  return (
    <div className="shell">
      <TopBar home="/patients" clinic={session.clinic.name}>
        <NavLink to="/patients">Patients</NavLink>
        {can(session.user.role, "patients.clinical.read") && <NavLink to="/dashboard">Dashboard</NavLink>}
        <NavLink to="/atlas">Atlas</NavLink>
        <NavLink to="/guide">Guide</NavLink>
        <NavLink to="/find">Directory</NavLink>
        <NavLink to="/referrals">Referrals</NavLink>
        {owner && <NavLink to="/staff">Staff</NavLink>}
        {can(session.user.role, "clinic.configure") && <NavLink to="/questionnaires">Questionnaires</NavLink>}
        {can(session.user.role, "clinic.configure") && <NavLink to="/billing">Billing</NavLink>}
        {can(session.user.role, "audit.read") && <NavLink to="/audit">Audit log</NavLink>}
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
