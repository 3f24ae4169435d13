// Subpath `@hikube/sdk/openapi`: the parsed API documents (Kubernetes and public), kept off the main entries because they are large.
export { openapiDocument } from './generated/document.js';
export { publicOpenapiDocument } from './generated/public/document.js';
