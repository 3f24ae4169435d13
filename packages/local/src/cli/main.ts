#!/usr/bin/env node
// `hikube-local`: start [--data-dir DIR] [--port N] [--detach] [--driver D] | stop | status | kubeconfig [--tenant NAME] | site down|up SITE
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
