/** How the first owner is made on a server with no accounts: printed at start-up and shown on the sign-in page. */
export const FIRST_OWNER_COMMAND =
  'npx acuback create-user --create-clinic --clinic "Your clinic name" --role owner --email you@example.org --name "Your name"';
