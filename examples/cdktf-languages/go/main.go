// Quick start: one production-like cluster, a database and an application user in a CDK Terrain app,
// on Hikube's public API, in Go.
package main

import (
	jsii "github.com/aws/jsii-runtime-go"
	"github.com/hikube/cdktn-provider-hikube-go/hikube/postgrescluster"
	"github.com/hikube/cdktn-provider-hikube-go/hikube/postgresdatabase"
	"github.com/hikube/cdktn-provider-hikube-go/hikube/postgresuser"
	"github.com/hikube/cdktn-provider-hikube-go/hikube/provider"
	"github.com/open-constructs/cdk-terrain-go/cdktn"
)

func main() {
	app := cdktn.NewApp(nil)
	stack := cdktn.NewTerraformStack(app, jsii.String("production"))
	// The project and its key come from HIKUBE_PROJECT_ID and HIKUBE_API_KEY.
	provider.NewHikubeProvider(stack, jsii.String("hikube"), &provider.HikubeProviderConfig{})
	orders := postgrescluster.NewPostgresCluster(stack, jsii.String("orders"), &postgrescluster.PostgresClusterConfig{
		Name:            jsii.String("orders"),
		Version:         jsii.String("v17"),
		Replicas:        jsii.Number(3),
		StorageSize:     jsii.String("10Gi"),
		SyncMode:        jsii.String("quorum"), // a commit waits for one synchronous standby
		MinSyncReplicas: jsii.Number(1),
		MaxSyncReplicas: jsii.Number(1),
		External:        jsii.Bool(true), // reachable from outside on its own host, port 5432, with TLS
	})
	shop := postgresdatabase.NewPostgresDatabase(stack, jsii.String("shop"), &postgresdatabase.PostgresDatabaseConfig{
		Cluster:    orders.Name(),
		Name:       jsii.String("shop"),
		Extensions: jsii.Strings("pgcrypto"),
	})
	// The platform generates the password.
	appUser := postgresuser.NewPostgresUser(stack, jsii.String("app"), &postgresuser.PostgresUserConfig{
		Cluster:   orders.Name(),
		Name:      jsii.String("app"),
		Databases: &map[string]*string{"shop": jsii.String("admin")},
		DependsOn: &[]cdktn.ITerraformDependable{shop},
	})
	cdktn.NewTerraformOutput(stack, jsii.String("host"), &cdktn.TerraformOutputConfig{
		Value: orders.Host(),
	})
	cdktn.NewTerraformOutput(stack, jsii.String("app_password"), &cdktn.TerraformOutputConfig{
		Value:     appUser.Password(),
		Sensitive: jsii.Bool(true),
	})
	app.Synth()
}
