// data "hikube_postgres_presets" and "hikube_postgres_extensions": the public API's catalogs, the
// values resources_preset and a database's extensions are checked against at plan.
import { attr, definitions, schema, types } from '@hikube/tfplugin';
import type { ProviderData } from '../provider-data.js';
import { reportIssues } from '../report-issues.js';
import { messageOf, publicData } from '../resources/public-api/public-only.js';

const { dataSource } = definitions<ProviderData | undefined>();

const onKubernetes = "The Kubernetes API has no catalog: see the platform's documentation of resourcesPreset and extensions.";

export const postgresPresetsDataSource = dataSource({
  schema: schema({
    markdownDescription: "The sizes a cluster's `resources_preset` may name on Hikube's public API (CPU and memory per instance), from the presets catalog.",
    attributes: {
      presets: attr.listNested(
        {
          name: attr.string({ computed: true, markdownDescription: 'Preset name, e.g. `small`.' }),
          cpu: attr.string({ computed: true, markdownDescription: 'CPU per instance, a Kubernetes quantity (`500m`, `1`).' }),
          memory: attr.string({ computed: true, markdownDescription: 'Memory per instance, a Kubernetes quantity (`512Mi`).' }),
        },
        { computed: true, markdownDescription: "Presets, in the catalog's order." },
      ),
    },
  }),
  async read(req, resp) {
    const data = publicData(req.providerData, 'hikube_postgres_presets', onKubernetes);
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    try {
      const presets = await data.postgres.presets({ signal: req.signal });
      resp.state = { presets: presets.map((preset) => ({ name: preset.name, cpu: preset.cpu, memory: preset.memory })) };
    } catch (cause) {
      resp.diagnostics.error('Cannot read the presets catalog', messageOf(cause));
    }
  },
});

export const postgresExtensionsDataSource = dataSource({
  schema: schema({
    markdownDescription: "The extensions a `hikube_postgres_database` may enable on Hikube's public API, from the extensions catalog.",
    attributes: {
      names: attr.list(types.string, { computed: true, markdownDescription: 'Extension names, sorted.' }),
    },
  }),
  async read(req, resp) {
    const data = publicData(req.providerData, 'hikube_postgres_extensions', onKubernetes);
    if ('severity' in data) return reportIssues(resp.diagnostics, [data]);
    try {
      resp.state = { names: [...(await data.postgres.extensions({ signal: req.signal }))].sort() };
    } catch (cause) {
      resp.diagnostics.error('Cannot read the extensions catalog', messageOf(cause));
    }
  },
});
