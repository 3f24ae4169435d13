import { serveProvider } from '../index.js';
import { exampleProvider } from './example-provider.js';

void serveProvider(exampleProvider);
