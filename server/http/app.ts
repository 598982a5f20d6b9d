/**
 * buildApp() assembles the HTTP application without listening, so tests drive
 * it with inject() and the CLI's `serve` puts it on a port.
 */
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { readFileSync } from "node:fs";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { installApiTokenAuth } from "./apiTokenAuth.ts";
import { installSessions } from "./authentication.ts";
import { loggerOptions } from "./logging.ts";
import { installErrorHandling, sendProblem } from "./problem.ts";
import { auditChainRoutes } from "./routes/auditChain.ts";
import { auditRoutes } from "./routes/auditLog.ts";
import { clinicRoutes } from "./routes/clinic.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { directoryRoutes } from "./routes/directory.ts";
import { directoryImportRoutes } from "./routes/directoryImports.ts";
import { episodeRoutes } from "./routes/episodes.ts";
import { followUpRoutes } from "./routes/followUps.ts";
import { backupRoutes } from "./routes/backups.ts";
import { healthRoutes } from "./routes/health.ts";
import { instrumentRoutes } from "./routes/instruments.ts";
import { medicationRoutes } from "./routes/medications.ts";
import { outcomeRoutes } from "./routes/outcomes.ts";
import { pointRoutes } from "./routes/points.ts";
import { coverageRoutes } from "./routes/coverage.ts";
import { safetyCheckRoutes } from "./routes/safetyCheck.ts";
import { treatmentPlanRoutes } from "./routes/treatmentPlans.ts";
import { visitRoutes } from "./routes/visits.ts";
import { questionnaireRoutes } from "./routes/questionnaires.ts";
import { referralContactRoutes } from "./routes/referralContacts.ts";
import { appointmentRoutes } from "./routes/appointments.ts";
import { scheduleSettingsRoutes } from "./routes/scheduleSettings.ts";
import { calendarFeedRoutes } from "./routes/calendarFeeds.ts";
import { reportLinkRoutes } from "./routes/reportLinks.ts";
import { reminderRoutes } from "./routes/reminders.ts";
import type { Mailer } from "../notify/mailer.ts";
import { smtpMailer } from "../notify/smtpMailer.ts";
import { safetyFlagRoutes } from "./routes/safetyFlags.ts";
import { painScoreRoutes } from "./routes/painScores.ts";
import { patientRoutes } from "./routes/patients.ts";
import { patientRetirementRoutes } from "./routes/patientRetirement.ts";
import { isFhirUrl } from "../fhir/operationOutcome.ts";
import { installDeniedAccessAudit } from "./deniedAccessAudit.ts";
import { fhirRoutes } from "./routes/fhir.ts";
import { installTextBoundary } from "./textBoundary.ts";
import { fhirImportRoutes } from "./routes/fhirImport.ts";
import { fhirBulkRoutes } from "./routes/fhirBulk.ts";
import { apiTokenRoutes } from "./routes/apiTokens.ts";
import { dataExportRoutes } from "./routes/dataExport.ts";
import { sessionRoutes } from "./routes/signInSession.ts";
import { secondFactorSignInRoutes } from "./routes/secondFactorSignIn.ts";
import { twoFactorRoutes } from "./routes/twoFactor.ts";
import { rateCounterFor } from "../db/rateCounter.ts";
import { rateLimitStore } from "./rateLimitStore.ts";
import { SignInFailures } from "./signInFailures.ts";
import { loadTwoFactorKeys } from "../services/twoFactorKey.ts";
import { staffRoutes } from "./routes/staff.ts";
import { strictaRoutes } from "./routes/stricta.ts";
import { serveWebApp } from "./webApp.ts";

export interface AppOptions {
  db: Database;
  config: Config;
  /** pino level; "silent" in tests unless they capture logs. */
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  /** Sends e-mail; by default the configured SMTP server's, none when e-mail is not configured. */
  mailer?: Mailer | null;
}

export async function buildApp({ db, config, logLevel = "info", logStream, mailer = config.smtp ? smtpMailer(config.smtp) : null }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(logLevel, logStream),
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    ...(config.tls && { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } }),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installTextBoundary(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only where HTTPS is in use: over plain HTTP it sends every asset to an https:// that is not there.
        upgradeInsecureRequests: config.https ? [] : null,
      },
    },
    strictTransportSecurity: config.https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    // The API serves no cross-origin resources; same-origin is the safe default.
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
  const rateCounter = rateCounterFor(db);
  await app.register(fastifyRateLimit, {
    global: false,
    store: rateLimitStore(rateCounter),
    errorResponseBuilder: () => Object.assign(new Error("rate limited"), { statusCode: 429 }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Acuback API",
        version: "1",
        description:
          "Acupuncture care for back pain. The OpenAPI document is at /api/docs/json. Sign in with POST /api/v1/session; send the returned csrfToken as X-CSRF-Token on unsafe methods. Errors are application/problem+json with a stable `code`.",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  // API answers carry patient data: no browser or proxy may keep a copy (a shared front-desk computer's cache, a proxy's disk).
  app.addHook("onSend", async (request, reply) => {
    if ((request.url.startsWith("/api/v1/") || isFhirUrl(request.url)) && !reply.hasHeader("cache-control")) void reply.header("cache-control", "no-store");
  });
  installApiTokenAuth(app, db, config, rateCounter);
  installSessions(app, db, config);
  installDeniedAccessAudit(app, db);
  const context = {
    db,
    config,
    mailer,
    twoFactorKeys: loadTwoFactorKeys(config.twoFactorKey),
    signInFailures: new SignInFailures(config.loginAttemptsPerMinute, rateCounter),
    rateCounter,
  };
  app.addHook("onClose", async () => mailer?.close());
  healthRoutes(app, context);
  backupRoutes(app, context);
  sessionRoutes(app, context);
  secondFactorSignInRoutes(app, context);
  twoFactorRoutes(app, context);
  staffRoutes(app, context);
  patientRoutes(app, context);
  patientRetirementRoutes(app, context);
  fhirRoutes(app, context);
  fhirImportRoutes(app, context);
  fhirBulkRoutes(app, context);
  apiTokenRoutes(app, context);
  dataExportRoutes(app, context);
  painScoreRoutes(app, context);
  episodeRoutes(app, context);
  safetyFlagRoutes(app, context);
  medicationRoutes(app, context);
  outcomeRoutes(app, context);
  reportLinkRoutes(app, context);
  followUpRoutes(app, context);
  dashboardRoutes(app, context);
  auditRoutes(app, context);
  auditChainRoutes(app, context);
  clinicRoutes(app, context);
  pointRoutes(app);
  instrumentRoutes(app);
  questionnaireRoutes(app, context);
  treatmentPlanRoutes(app, context);
  visitRoutes(app, context);
  strictaRoutes(app, context);
  safetyCheckRoutes(app);
  coverageRoutes(app, context);
  directoryRoutes(app, context);
  referralContactRoutes(app, context);
  scheduleSettingsRoutes(app, context);
  appointmentRoutes(app, context);
  calendarFeedRoutes(app, context);
  reminderRoutes(app, context);
  directoryImportRoutes(app, context);

  const answerWithAppShell = await serveWebApp(app, config.webDir);
  app.setNotFoundHandler((request, reply) => {
    if (answerWithAppShell(request, reply)) return;
    return sendProblem(reply, "NOT_FOUND");
  });
  return app;
}
