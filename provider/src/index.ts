export { hikubeProvider, providerAddress, providerSchema } from './provider.js';
