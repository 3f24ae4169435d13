// A name check for C# programs against the C# jsii-pacmak generates: there is no .NET SDK here, and
// Mono's compiler cannot compile the generated code (C# 8 nullable types, and the jsii runtime from
// NuGet). Each namespace the program imports, each type it creates, each property it sets in an
// object initializer and each member chain it reads from a variable or a type must exist in the
// generated code. Expressions are not typed: this sees names, which is where bindings drift.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface GeneratedType {
  fullName: string;
  base?: string | undefined;
  /** Property or method name → the full name (or keyword) of its type, without `?`. */
  members: Map<string, string>;
}

export interface GeneratedCsharp {
  namespaces: Set<string>;
  types: Map<string, GeneratedType>;
}

/** Types of the base class library the program may create; they are not checked. */
const LIBRARY_TYPES = new Set(['Dictionary', 'List']);

function withoutNullable(type: string): string {
  return type.replace(/\?$/, '').trim();
}

function qualify(name: string, namespace: string): string {
  return name.includes('.') ? name : `${namespace}.${name}`;
}

/** One public type per generated file (jsii's layout); its members include nested proxies'. */
function parseGeneratedFile(text: string): GeneratedType | undefined {
  const namespace = /^namespace\s+([\w.]+)/m.exec(text)?.[1];
  const declaration = /^\s*public\s+(?:(?:abstract|sealed|static|partial)\s+)*(?:class|interface|enum)\s+(\w+)(?:\s*:\s*([^\n{]+))?/m.exec(text);
  if (!namespace || !declaration?.[1]) return undefined;
  const members = new Map<string, string>();
  for (const match of text.matchAll(/^\s*public\s+(?:(?:virtual|override|static|abstract|new)\s+)*([\w.<>[\], ?]+?)\s+(\w+)\s*(?:\(|\{|$)/gm)) {
    const [, type = '', name = ''] = match;
    if (!members.has(name)) members.set(name, withoutNullable(type));
  }
  const base = declaration[2]?.split(',')[0]?.trim();
  return { fullName: `${namespace}.${declaration[1]}`, base: base ? qualify(base, namespace) : undefined, members };
}

async function listCsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.cs')).map((entry) => join(entry.parentPath, entry.name));
}

export async function readGeneratedCsharp(dotnetDir: string): Promise<GeneratedCsharp> {
  const namespaces = new Set<string>();
  const types = new Map<string, GeneratedType>();
  for (const file of await listCsFiles(dotnetDir)) {
    const type = parseGeneratedFile(await readFile(file, 'utf8'));
    if (!type) continue;
    types.set(type.fullName, type);
    namespaces.add(type.fullName.slice(0, type.fullName.lastIndexOf('.')));
  }
  return { namespaces, types };
}

function memberType(generated: GeneratedCsharp, typeName: string, member: string): string | undefined {
  for (let type = generated.types.get(typeName); type; type = type.base ? generated.types.get(type.base) : undefined) {
    const found = type.members.get(member);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The program's text with comments and string contents blanked (positions are kept). */
function codeOnly(program: string): string {
  return program
    .replace(/\/\/[^\n]*/g, (comment) => ' '.repeat(comment.length))
    .replace(/"(?:[^"\\\n]|\\.)*"/g, (literal) => `"${' '.repeat(literal.length - 2)}"`);
}

/** The names set at the top level of the initializer whose `{` is at `open`: `Name = ...`. */
function initializerProperties(code: string, open: number): string[] {
  const names: string[] = [];
  let depth = 0;
  let expectName = true;
  for (let i = open; i < code.length; i++) {
    const char = code[i] ?? '';
    if ('{(['.includes(char)) {
      depth++;
      expectName = depth === 1;
    } else if ('})]'.includes(char)) {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && char === ',') {
      expectName = true;
    } else if (depth === 1 && expectName && /\w/.test(char)) {
      const name = /^(\w+)\s*=(?!=)/.exec(code.slice(i));
      if (name?.[1]) names.push(name[1]);
      expectName = false;
    }
  }
  return names;
}

function lineOf(program: string, index: number): number {
  return program.slice(0, index).split('\n').length;
}

export function checkCsharpNames(program: string, generated: GeneratedCsharp): string[] {
  const errors: string[] = [];
  const code = codeOnly(program);
  const imported = [...code.matchAll(/^using\s+([\w.]+);/gm)].map((m) => m[1] ?? '');
  for (const namespace of imported) {
    if (!namespace.startsWith('System') && !generated.namespaces.has(namespace)) errors.push(`using ${namespace}: no such namespace in the generated code`);
  }
  const resolve = (name: string): string | undefined => imported.map((ns) => `${ns}.${name}`).find((full) => generated.types.has(full));

  const variables = new Map<string, string>();
  for (const match of code.matchAll(/\bnew\s+([A-Z]\w*)(<[^>]*>)?\s*(\([^)]*?\)?)?\s*(\{)?/g)) {
    const [, name = '', , , brace] = match;
    const type = resolve(name);
    if (!type) {
      if (!LIBRARY_TYPES.has(name)) errors.push(`line ${lineOf(program, match.index)}: type ${name} is not in the imported namespaces`);
      continue;
    }
    const declared = /\bvar\s+(\w+)\s*=\s*$/.exec(code.slice(0, match.index));
    if (declared?.[1]) variables.set(declared[1], type);
    if (brace) {
      for (const property of initializerProperties(code, match.index + match[0].length - 1)) {
        if (memberType(generated, type, property) === undefined) errors.push(`line ${lineOf(program, match.index)}: ${name} has no property ${property}`);
      }
    }
  }

  for (const match of code.matchAll(/\b([A-Za-z]\w*)((?:\.[A-Z]\w*)+)/g)) {
    const [, head = '', chain = ''] = match;
    let type = variables.get(head) ?? resolve(head);
    if (!type) continue;
    for (const member of chain.slice(1).split('.')) {
      const next = memberType(generated, type, member);
      if (next === undefined) {
        errors.push(`line ${lineOf(program, match.index)}: ${type.slice(type.lastIndexOf('.') + 1)} has no member ${member} (in ${head}${chain})`);
        break;
      }
      type = next;
    }
  }
  return errors;
}
