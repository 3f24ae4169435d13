// Hikube renamed its resource presets (`micro` became `t1.micro`, `medium` became `c1.small`);
// a platform migration rewrites live objects, so both names must compare equal.

const legacyToCurrent: Readonly<Record<string, string>> = {
  nano: 't1.nano',
  micro: 't1.micro',
  small: 't1.small',
  medium: 'c1.small',
  large: 'c1.medium',
  xlarge: 'c1.large',
  '2xlarge': 'c1.xlarge',
};

/** The current name of a preset (legacy names mapped, current names unchanged). */
export function canonicalPreset(name: string): string {
  return legacyToCurrent[name] ?? name;
}

export function presetsEqual(a: string, b: string): boolean {
  return canonicalPreset(a) === canonicalPreset(b);
}
