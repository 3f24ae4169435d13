// data "hikube_scheduling_classes": the placement classes, with the zones each one uses.
import { attr, definitions, schema, types } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { error } from '../resources/postgres-cluster/plan-issue.js';
import { knownZones } from '../resources/postgres-cluster/scheduling-class-placement.js';

export const schedulingClassesDataSchema = schema({
  markdownDescription: 'Lists the SchedulingClasses that place clusters, with the zones (datacenters) each spreads over and the zone it prefers for the primary.',
  attributes: {
    classes: attr.listNested(
      {
        name: attr.string({ computed: true, markdownDescription: 'Class name, for `scheduling_class`.' }),
        zones: attr.list(types.string, { computed: true, markdownDescription: 'Zones the instances may run in (all zones when the class lists none).' }),
        primary_zone: attr.string({ computed: true, markdownDescription: 'Zone preferred for the primary, if any.' }),
        primary_required: attr.bool({ computed: true, markdownDescription: 'Whether the primary must run in `primary_zone`.' }),
      },
      { computed: true, markdownDescription: 'Classes, by name.' },
    ),
  },
});

const kubernetesOnly = error(null, 'Kubernetes API only', 'This data source reads the Cozystack Kubernetes API; the provider is configured for Hikube\'s public API.', []);

const { dataSource } = definitions<ProviderData | undefined>();

export const schedulingClassesDataSource = dataSource({
  schema: schedulingClassesDataSchema,
  async read(req, resp) {
    const provided = req.providerData;
    if (provided?.backend === 'public') return reportIssues(resp.diagnostics, [kubernetesOnly]);
    const data = provided;
    if (data === undefined) return reportIssues(resp.diagnostics, [error(null, 'Provider not configured', 'The hikube provider has no usable configuration.', [])]);
    try {
      const items = await data.api.listSchedulingClasses(req.signal);
      const all = knownZones(items);
      const classes = items
        .map((item) => ({
          name: item.metadata.name ?? null,
          zones: item.spec?.zones && item.spec.zones.length > 0 ? [...item.spec.zones].sort() : all,
          primary_zone: item.spec?.primary?.zone ?? null,
          primary_required: item.spec?.primary?.required ?? false,
        }))
        .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
      resp.state = { classes };
    } catch (cause) {
      resp.diagnostics.error('Cannot list SchedulingClasses', cause instanceof Error ? cause.message : String(cause));
    }
  },
});
