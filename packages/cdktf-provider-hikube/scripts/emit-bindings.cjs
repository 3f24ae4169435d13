// Child process of generate-bindings.mjs: runs one provider generator on a schema file.
// usage: node emit-bindings.cjs <generator package> <schema.json> <output dir>
'use strict';
const { readFileSync } = require('node:fs');

const [generatorPackage, schemaFile, outDir] = process.argv.slice(2);
if (!generatorPackage || !schemaFile || !outDir) {
  console.error('usage: node emit-bindings.cjs <generator package> <schema.json> <output dir>');
  process.exit(2);
}
const { generateProviderBindingsFromSchema } = require(generatorPackage);
generateProviderBindingsFromSchema(outDir, JSON.parse(readFileSync(schemaFile, 'utf8'))).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
