/**
 * The account's two-factor sign-in page (/account/two-factor): set it up,
 * see and renew recovery codes, turn it off. When the clinic requires it and
 * the account has none, this is the only page a signed-in session opens.
 */
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useSession } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { RecoveryCodeList } from "./RecoveryCodeList.tsx";
import { TwoFactorOn } from "./TwoFactorOn.tsx";
import { TwoFactorSetup } from "./TwoFactorSetup.tsx";
import "./twoFactor.css";

export interface TwoFactorStatus {
  status: "off" | "pending" | "on";
  recoveryCodesLeft: number | null;
  requiredByClinic: boolean;
}

export function TwoFactorPage() {
  const { session, refreshSession } = useSession();
  const { data: status, error, reload } = useLoad(() => api<TwoFactorStatus>("GET", "/api/v1/users/me/two-factor"), "two-factor");
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const navigate = useNavigate();

  return (
    <section className="two-factor-page">
      <h1>Two-factor sign-in</h1>
      {session.twoFactorEnrolmentDue && (
        <p className="notice" role="status">
          {session.clinic.name} requires two-factor sign-in. Set it up here to continue; until then, only this page and signing out are open.
        </p>
      )}
      {turnedOff && !newCodes && (
        <p className="success" role="status">
          Two-factor sign-in is off: your password alone signs you in.
        </p>
      )}
      <FormError error={error} />
      {newCodes && (
        <RecoveryCodeList
          codes={newCodes}
          onSaved={() => {
            setNewCodes(null);
            // Set-up the clinic required is done: the rest of the app opens, at its start.
            if (session.twoFactorEnrolmentDue) void refreshSession().then(() => navigate("/patients"));
          }}
        />
      )}
      {status && !newCodes && status.status !== "on" && (
        <TwoFactorSetup
          startedEarlier={status.status === "pending"}
          onConfirmed={(codes) => {
            setTurnedOff(false);
            setNewCodes(codes);
            reload();
          }}
        />
      )}
      {status && !newCodes && status.status === "on" && (
        <TwoFactorOn
          recoveryCodesLeft={status.recoveryCodesLeft ?? 0}
          requiredByClinic={status.requiredByClinic}
          onNewCodes={(codes) => {
            setNewCodes(codes);
            reload();
          }}
          onTurnedOff={() => {
            setTurnedOff(true);
            reload();
            void refreshSession();
          }}
        />
      )}
    </section>
  );
}
