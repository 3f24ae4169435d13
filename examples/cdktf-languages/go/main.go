// Quick start: one production-like cluster in a CDKTF app, in Go.
package main

import (
	jsii "github.com/aws/jsii-runtime-go"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
	"github.com/hikube/cdktf-provider-hikube-go/hikube/postgrescluster"
	"github.com/hikube/cdktf-provider-hikube-go/hikube/provider"
)

func main() {
	app := cdktf.NewApp(nil)
	stack := cdktf.NewTerraformStack(app, jsii.String("production"))
	// The connection comes from HIKUBE_* variables or KUBECONFIG, as with kubectl.
	provider.NewHikubeProvider(stack, jsii.String("hikube"), &provider.HikubeProviderConfig{})
	orders := postgrescluster.NewPostgresCluster(stack, jsii.String("orders"), &postgrescluster.PostgresClusterConfig{
		Name:            jsii.String("orders"),
		Replicas:        jsii.Number(3),        // one instance in each datacenter
		SyncMode:        jsii.String("quorum"), // a commit waits for one synchronous standby
		MinSyncReplicas: jsii.Number(1),
		MaxSyncReplicas: jsii.Number(1),
		Zones:           jsii.Strings("gland", "lucerne", "geneva"),
		Users: map[string]*postgrescluster.PostgresClusterUsers{
			"app":       {},
			"reporting": {},
		},
		Databases: map[string]*postgrescluster.PostgresClusterDatabases{
			"orders": {Admin: jsii.Strings("app"), Readonly: jsii.Strings("reporting")},
		},
	})
	cdktf.NewTerraformOutput(stack, jsii.String("rw_host"), &cdktf.TerraformOutputConfig{
		Value: orders.Endpoints().Rw().Host(),
	})
	cdktf.NewTerraformOutput(stack, jsii.String("app_uri_rw"), &cdktf.TerraformOutputConfig{
		Value:     cdktf.Fn_LookupNested(orders.ConnectionUris(), &[]interface{}{jsii.String("app"), jsii.String("rw")}),
		Sensitive: jsii.Bool(true),
	})
	app.Synth()
}
