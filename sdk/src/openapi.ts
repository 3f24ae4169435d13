// Subpath `@hikube/sdk/openapi`: the parsed API document, kept off the main entry because it is large.
export { openapiDocument } from './generated/document.js';
