// data "hikube_scheduling_classes": the placement classes as the platform stores them, with the
// zones each one's real constraints allow.
import { attr, definitions, schema, types } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { error } from '../resources/postgres-cluster/plan-issue.js';
import { knownZones, placementOf } from '../resources/postgres-cluster/scheduling-class-placement.js';

const schedulingClassesDataSchema = schema({
  markdownDescription:
    'Lists the SchedulingClasses (`cozystack.io/v1alpha1`) that can place clusters, with the zones each allows. Tenants may only read classes; ' +
    "a tenant's default is the class its namespace names in the label `scheduler.cozystack.io/scheduling-class`.",
  attributes: {
    classes: attr.listNested(
      {
        name: attr.string({ computed: true, markdownDescription: 'Class name, for `scheduling_class`.' }),
        zones: attr.list(types.string, {
          computed: true,
          markdownDescription:
            'Zones its node selector and required node affinity allow (every zone a class names, when ' +
            'it constrains none); null when it also selects nodes by another label or by name.',
        }),
        spreads_over_zones: attr.bool({
          computed: true,
          markdownDescription:
            'Whether it spreads instances over zones (a topology spread constraint or a required pod anti-affinity on `topology.kubernetes.io/zone`).',
        }),
        spec_json: attr.string({
          computed: true,
          markdownDescription: "The class's `spec` as JSON: `nodeSelector`, `nodeAffinity`, `podAffinity`, `podAntiAffinity`, `topologySpreadConstraints`.",
        }),
      },
      { computed: true, markdownDescription: 'Classes, by name.' },
    ),
  },
});

const kubernetesOnly = error(
  null,
  'Kubernetes API only',
  "This data source reads the Cozystack Kubernetes API; the provider is configured for Hikube's public API.",
  [],
);

const { dataSource } = definitions<ProviderData | undefined>();

export const schedulingClassesDataSource = dataSource({
  schema: schedulingClassesDataSchema,
  async read(req, resp) {
    const provided = req.providerData;
    if (provided?.backend === 'public') return reportIssues(resp.diagnostics, [kubernetesOnly]);
    const data = provided;
    if (data === undefined)
      return reportIssues(resp.diagnostics, [error(null, 'Provider not configured', 'The hikube provider has no usable configuration.', [])]);
    try {
      const items = await data.api.listSchedulingClasses(req.signal);
      const all = knownZones(items);
      const classes = items
        .map((item) => {
          const placement = placementOf(item, all);
          return {
            name: item.metadata.name ?? null,
            zones: placement === null ? null : [...placement.zones],
            spreads_over_zones: placement?.spreadsOverZones ?? false,
            spec_json: JSON.stringify(item.spec ?? {}),
          };
        })
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
      resp.state = { classes };
    } catch (cause) {
      resp.diagnostics.error('Cannot list SchedulingClasses', cause instanceof Error ? cause.message : String(cause));
    }
  },
});
