// Command etcd is etcd's server for envforge's real-component tests: a wrapper main around
// go.etcd.io/etcd/server/v3/etcdmain, the same call etcd's own main package makes (server/main.go), because the
// root module's local replace lines keep `go install go.etcd.io/etcd/v3@v` from building.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
